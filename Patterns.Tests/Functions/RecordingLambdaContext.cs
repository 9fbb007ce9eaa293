using Functions.Runtime;

namespace Patterns.Tests.Functions;

/// <summary>An invocation context for calling a handler in-process, whose log a test can read.</summary>
internal sealed class RecordingLambdaContext(string functionName = "TestFunction") : ILambdaContext
{
    public RecordingLambdaLogger Log { get; } = new();

    public string AwsRequestId { get; } = Guid.NewGuid().ToString();

    public DateTimeOffset Deadline { get; } = DateTimeOffset.UtcNow.AddMinutes(1);

    public TimeSpan RemainingTime => Deadline - DateTimeOffset.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero;

    public string FunctionName => functionName;

    public string FunctionVersion => "$LATEST";

    public string InvokedFunctionArn => $"arn:aws:lambda:us-east-1:000000000000:function:{functionName}";

    public int MemoryLimitInMB => 128;

    public string LogGroupName => $"/aws/lambda/{functionName}";

    public string LogStreamName => "stream";

    public string? TraceId => null;

    public string? ClientContext => null;

    public string? CognitoIdentity => null;

    public ILambdaLogger Logger => Log;
}
