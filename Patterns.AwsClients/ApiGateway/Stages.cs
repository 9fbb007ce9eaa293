namespace Patterns.AwsClients.ApiGateway;

/// <summary>GetStages' output (not paginated: the member is "item").</summary>
public sealed record Stages
{
    public IReadOnlyList<Stage> Item { get; init; } = [];
}
