using Functions.Runtime;
using Functions.Runtime.Client;
using Functions.Runtime.Context;
using Functions.Runtime.Logging;

namespace Patterns.Tests.Functions;

internal static class TestContexts
{
    /// <summary>A context whose log lines <paramref name="logger"/> keeps.</summary>
    public static ILambdaContext Create(RecordingLogger logger, string functionName = "TestFunction")
    {
        var invocation = new Invocation("request-1", DateTimeOffset.UtcNow.AddMinutes(1), $"arn:aws:lambda:us-east-1:000000000000:function:{functionName}", null, null, null, ReadOnlyMemory<byte>.Empty);
        return new LambdaContext(invocation, new FunctionEnvironment(functionName, "$LATEST", 128, $"/aws/lambda/{functionName}", "stream"), logger, TimeProvider.System);
    }

    public static ILambdaContext Create(string requestId = "request-1", string functionName = "TestFunction")
    {
        var invocation = new Invocation(requestId, DateTimeOffset.UtcNow.AddMinutes(1), $"arn:aws:lambda:us-east-1:000000000000:function:{functionName}", null, null, null, ReadOnlyMemory<byte>.Empty);
        var function = new FunctionEnvironment(functionName, "$LATEST", 128, $"/aws/lambda/{functionName}", "stream");
        return new LambdaContext(invocation, function, new ConsoleLambdaLogger(requestId, TimeProvider.System), TimeProvider.System);
    }
}
