namespace Patterns.AwsClients.Lambda;

/// <summary>Where GetFunction says the deployed code can be downloaded from.</summary>
public sealed record FunctionCodeLocation
{
    public string? RepositoryType { get; init; }

    public string? Location { get; init; }
}
