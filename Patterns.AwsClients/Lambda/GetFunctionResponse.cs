namespace Patterns.AwsClients.Lambda;

/// <summary>GetFunction's output.</summary>
public sealed record GetFunctionResponse
{
    public FunctionConfiguration Configuration { get; init; } = new();

    public FunctionCodeLocation? Code { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
