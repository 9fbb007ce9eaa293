namespace Patterns.AwsClients.Lambda;

/// <summary>GetPolicy's output: the function's resource-based policy as a JSON string.</summary>
public sealed record GetPolicyResponse
{
    public string Policy { get; init; } = "";

    public string? RevisionId { get; init; }
}
