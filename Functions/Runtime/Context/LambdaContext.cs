using Functions.Runtime.Client;

namespace Functions.Runtime.Context;

internal sealed class LambdaContext(
    Invocation invocation,
    FunctionEnvironment function,
    ILambdaLogger logger,
    TimeProvider time) : ILambdaContext
{
    public string AwsRequestId => invocation.RequestId;

    public DateTimeOffset Deadline => invocation.Deadline;

    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = invocation.Deadline - time.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    public string FunctionName => function.FunctionName;

    public string FunctionVersion => function.FunctionVersion;

    public string InvokedFunctionArn => invocation.InvokedFunctionArn;

    public int MemoryLimitInMB => function.MemoryLimitInMB;

    public string LogGroupName => function.LogGroupName;

    public string LogStreamName => function.LogStreamName;

    public string? TraceId => invocation.TraceId;

    public string? ClientContext => invocation.ClientContext;

    public string? CognitoIdentity => invocation.CognitoIdentity;

    public ILambdaLogger Logger => logger;
}
