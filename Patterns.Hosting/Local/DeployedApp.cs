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
    ImmutableArray<DeployedRestApi> RestApis);
