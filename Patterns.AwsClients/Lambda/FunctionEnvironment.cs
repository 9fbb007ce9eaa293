namespace Patterns.AwsClients.Lambda;

/// <summary>A function's environment variables (the Environment member of the Lambda API).</summary>
public sealed record FunctionEnvironment
{
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}
