namespace Patterns.AwsClients.Lambda;

/// <summary>CreateFunction's input.</summary>
/// <param name="Role">The execution role's ARN.</param>
public sealed record CreateFunctionRequest(string FunctionName, string Role, FunctionCode Code)
{
    /// <summary>e.g. provided.al2023 for a custom runtime.</summary>
    public string? Runtime { get; init; }

    /// <summary>For .NET: Assembly::Namespace.Type::Method.</summary>
    public string? Handler { get; init; }

    public string? Description { get; init; }

    /// <summary>Seconds, 1–900; Lambda's default is 3.</summary>
    public int? Timeout { get; init; }

    /// <summary>MB, 128–10240; Lambda's default is 128.</summary>
    public int? MemorySize { get; init; }

    public bool? Publish { get; init; }

    public FunctionEnvironment? Environment { get; init; }

    public IReadOnlyList<string>? Architectures { get; init; }

    /// <summary>Zip or Image.</summary>
    public string? PackageType { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
