using System.Collections.Immutable;

namespace Patterns.Hosting.Local;

/// <summary>A model's resources as one deployed stack has them, per resource kind, in model order.</summary>
/// <param name="StackStatus">CloudFormation's status when the stack was read, e.g. CREATE_COMPLETE, UPDATE_IN_PROGRESS.</param>
public sealed record DeployedApp(
    string StackName,
    string StackId,
    string StackStatus,
    string Region,
    ImmutableArray<DeployedTable> Tables,
    ImmutableArray<DeployedFunction> Functions,
    ImmutableArray<DeployedRestApi> RestApis)
{
    public ImmutableArray<DeployedQueue> Queues { get; init; } = [];

    public ImmutableArray<DeployedTopic> Topics { get; init; } = [];

    public ImmutableArray<DeployedEventBus> EventBuses { get; init; } = [];

    public ImmutableArray<DeployedBucket> Buckets { get; init; } = [];

    public ImmutableArray<DeployedUserPool> UserPools { get; init; } = [];

    public ImmutableArray<DeployedUserPoolClient> UserPoolClients { get; init; } = [];
}
