namespace Patterns.AwsClients.Lambda;

/// <summary>A function's settings as the Lambda API returns them (CreateFunction, GetFunction, ListFunctions, Update*).</summary>
public sealed record FunctionConfiguration
{
    public string FunctionName { get; init; } = "";

    public string FunctionArn { get; init; } = "";

    public string? Runtime { get; init; }

    public string? Role { get; init; }

    public string? Handler { get; init; }

    public long CodeSize { get; init; }

    public string? Description { get; init; }

    /// <summary>Seconds.</summary>
    public int Timeout { get; init; }

    /// <summary>MB.</summary>
    public int MemorySize { get; init; }

    /// <summary>ISO 8601, as Lambda writes it (e.g. 2024-01-01T00:00:00.000+0000).</summary>
    public string? LastModified { get; init; }

    public string? CodeSha256 { get; init; }

    public string? Version { get; init; }

    public FunctionEnvironment? Environment { get; init; }

    /// <summary>Pending, Active, Inactive or Failed.</summary>
    public string? State { get; init; }

    public string? StateReason { get; init; }

    public string? StateReasonCode { get; init; }

    /// <summary>InProgress, Successful or Failed.</summary>
    public string? LastUpdateStatus { get; init; }

    public string? LastUpdateStatusReason { get; init; }

    public string? PackageType { get; init; }

    public IReadOnlyList<string>? Architectures { get; init; }

    public string? RevisionId { get; init; }
}
