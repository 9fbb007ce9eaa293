namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>An <see cref="ExecuteApiFixture"/> whose executor reads a clock the tests can move forward.</summary>
public sealed class ClockedExecuteApiFixture : ExecuteApiFixture
{
    public ClockedExecuteApiFixture()
        : this(new ShiftableTimeProvider())
    {
    }

    private ClockedExecuteApiFixture(ShiftableTimeProvider clock)
        : base(tracing: null, clock) => Clock = clock;

    internal ShiftableTimeProvider Clock { get; }

    internal CognitoControlPlane Cognito => new(Edge);
}
