using Amazon.CDK.AWS.Logs;

namespace Patterns.Cdk;

/// <summary>What a cloud deployment of a model needs beyond the model itself.</summary>
/// <param name="FunctionsCodeDirectory">
/// The Functions build every function's code is zipped from: a folder with the <c>bootstrap</c>
/// executable at its root (a self-contained linux publish; see <see cref="Publishing.FunctionsPublisher"/>).
/// Unused when the model has no functions.
/// </param>
public sealed record CloudOptions(string? FunctionsCodeDirectory)
{
    public FunctionArchitecture Architecture { get; init; } = FunctionArchitecture.X86_64;

    /// <summary>How long each function's log group keeps its events.</summary>
    public RetentionDays LogRetention { get; init; } = RetentionDays.ONE_WEEK;
}
