using System.Collections.Immutable;

namespace Patterns.Hosting.Model;

/// <summary>
/// A whole app as plain data: its resources in declaration order (each named uniquely) and
/// where its functions' code comes from. Built by <see cref="AppModelBuilder"/>; run locally
/// by Patterns.Hosting.Local, synthesized to CloudFormation by the CDK mapping.
/// </summary>
public sealed record AppModel(ImmutableArray<Resource> Resources, FunctionsProject? FunctionsProject)
{
    public IEnumerable<Table> Tables => Resources.OfType<Table>();

    public IEnumerable<Function> Functions => Resources.OfType<Function>();

    public IEnumerable<RestApi> RestApis => Resources.OfType<RestApi>();

    public IEnumerable<UserPool> UserPools => Resources.OfType<UserPool>();

    public IEnumerable<UserPoolClient> UserPoolClients => Resources.OfType<UserPoolClient>();

    public IEnumerable<EventBus> EventBuses => Resources.OfType<EventBus>();

    public IEnumerable<Rule> Rules => Resources.OfType<Rule>();

    public IEnumerable<Queue> Queues => Resources.OfType<Queue>();

    public IEnumerable<Topic> Topics => Resources.OfType<Topic>();

    public IEnumerable<Bucket> Buckets => Resources.OfType<Bucket>();

    /// <exception cref="KeyNotFoundException">No resource of that name and kind.</exception>
    public T Get<T>(string name) where T : Resource =>
        Resources.OfType<T>().SingleOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"The model has no {typeof(T).Name} named '{name}'. It has: {string.Join(", ", Resources.Select(r => $"{r.GetType().Name} {r.Name}"))}.");
}
