namespace Patterns.AwsClients.Lambda;

/// <summary>AddPermission's output: the statement added, as a JSON string.</summary>
public sealed record AddPermissionResponse
{
    public string Statement { get; init; } = "";
}
