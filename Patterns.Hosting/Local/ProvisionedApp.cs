using System.Collections.Immutable;

namespace Patterns.Hosting.Local;

/// <summary>What provisioning a model created or found, per resource kind, in model order.</summary>
public sealed record ProvisionedApp(
    ImmutableArray<ProvisionedTable> Tables,
    ImmutableArray<ProvisionedFunction> Functions,
    ImmutableArray<ProvisionedRestApi> RestApis)
{
    public ImmutableArray<ProvisionedQueue> Queues { get; init; } = [];

    public ImmutableArray<ProvisionedTopic> Topics { get; init; } = [];

    public ImmutableArray<ProvisionedEventBus> EventBuses { get; init; } = [];

    public ImmutableArray<ProvisionedRule> Rules { get; init; } = [];

    public ImmutableArray<ProvisionedBucket> Buckets { get; init; } = [];

    public ImmutableArray<ProvisionedUserPool> UserPools { get; init; } = [];

    public ImmutableArray<ProvisionedUserPoolClient> UserPoolClients { get; init; } = [];

    /// <exception cref="KeyNotFoundException">No REST API of that name in the model.</exception>
    public ProvisionedRestApi RestApi(string name) => Find(RestApis, name, r => r.Name, "REST API");

    /// <exception cref="KeyNotFoundException">No queue of that name in the model.</exception>
    public ProvisionedQueue Queue(string name) => Find(Queues, name, r => r.Name, "queue");

    /// <exception cref="KeyNotFoundException">No topic of that name in the model.</exception>
    public ProvisionedTopic Topic(string name) => Find(Topics, name, r => r.Name, "topic");

    /// <exception cref="KeyNotFoundException">No bucket of that name in the model.</exception>
    public ProvisionedBucket Bucket(string name) => Find(Buckets, name, r => r.Name, "bucket");

    /// <exception cref="KeyNotFoundException">No user pool of that name in the model.</exception>
    public ProvisionedUserPool UserPool(string name) => Find(UserPools, name, r => r.Name, "user pool");

    /// <exception cref="KeyNotFoundException">No user pool client of that name in the model.</exception>
    public ProvisionedUserPoolClient UserPoolClient(string name) => Find(UserPoolClients, name, r => r.Name, "user pool client");

    private static T Find<T>(ImmutableArray<T> resources, string name, Func<T, string> nameOf, string kind) =>
        resources.SingleOrDefault(r => nameOf(r) == name)
        ?? throw new KeyNotFoundException($"The app has no {kind} named '{name}'. Its {kind}s: {(resources.IsEmpty ? "none" : string.Join(", ", resources.Select(nameOf)))}.");
}
