namespace Patterns.AwsClients.ApiGateway;

/// <summary>A path of an API (the root is "/").</summary>
public sealed record Resource
{
    public string Id { get; init; } = "";

    public string? ParentId { get; init; }

    public string? PathPart { get; init; }

    public string Path { get; init; } = "";

    /// <summary>The resource's methods by HTTP method; GetResources fills it when asked to embed methods.</summary>
    public IReadOnlyDictionary<string, Method>? ResourceMethods { get; init; }
}
