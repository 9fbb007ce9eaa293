namespace Patterns.LocalCloud.ApiGateway;

/// <summary>The outcome of looking up an API's stage: the deployed API, or which part does not exist.</summary>
internal sealed record ApiLookup(ApiLookupStatus Status, DeployedApi? Api)
{
    public static ApiLookup ApiNotFound { get; } = new(ApiLookupStatus.ApiNotFound, null);

    public static ApiLookup StageNotFound { get; } = new(ApiLookupStatus.StageNotFound, null);

    public static ApiLookup Found(DeployedApi api) => new(ApiLookupStatus.Found, api);
}
