using System.Runtime.CompilerServices;
using System.Text.Json;
using Functions.ApiGateway;
using Functions.Runtime;

namespace Functions.Diagnostics;

/// <summary>
/// Functions that exist for the platform's own tests (the local Lambda service, API Gateway,
/// triggers), not for a pattern: each shows one behaviour a function can have. Handler strings are
/// <c>Functions::Functions.Diagnostics.Faults::{Method}</c>.
/// </summary>
public static class Faults
{
    /// <summary>Whether this process runs natively compiled code (no code generated at run time), so a test knows which build it drives.</summary>
    public static CompilationResponse Compilation() => new(!RuntimeFeature.IsDynamicCodeCompiled);

    /// <summary>Takes an event type FunctionsJsonContext does not list: the native executable has no contract for it.</summary>
    public static string Unlisted(UnlistedEvent @event) => @event.Name ?? "";

    /// <summary>Returns the event unchanged.</summary>
    public static JsonElement Echo(JsonElement @event) => @event;

    /// <summary>Fails the invocation with an <see cref="InvalidOperationException"/> carrying the event's <c>message</c>.</summary>
    // Never inlined into the handler's compiled binding: its frame is what the error's stackTrace is checked for.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void Throw(ThrowRequest @event) =>
        throw new InvalidOperationException(@event.Message ?? "Faults.Throw was invoked without a message.");

    /// <summary>Waits the event's <c>seconds</c>, then returns <c>{"slept": seconds}</c>: for timeouts and concurrency.</summary>
    public static async Task<SleepResponse> Sleep(SleepRequest @event)
    {
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, @event.Seconds)));
        return new SleepResponse(@event.Seconds);
    }

    /// <summary>
    /// Ends the process with exit code 3 in the middle of an invocation, without a result, unless
    /// the event says <c>"crash": false</c> (then returns <c>{"crashed": false}</c>), so one function
    /// can show both a crash and the recovery after it.
    /// </summary>
    public static CrashResponse Crash(CrashRequest @event)
    {
        if (!@event.Crash)
            return new CrashResponse(false);
        Console.Error.WriteLine("Faults.Crash: exiting with code 3 before posting a result.");
        Environment.Exit(3);
        return new CrashResponse(true);
    }

    /// <summary>Returns <c>{"pid": …}</c>, so a test can tell warm reuse from a new process.</summary>
    public static ProcessIdResponse ProcessId() => new(Environment.ProcessId);

    /// <summary>Writes the event's <c>lines</c> to standard output one by one, then returns <c>{"written": n}</c>.</summary>
    public static LogResponse Log(LogRequest @event)
    {
        var lines = @event.Lines ?? [];
        foreach (var line in lines)
        {
            Console.Out.WriteLine(line);
        }

        return new LogResponse(lines.Count);
    }

    /// <summary>
    /// Answers an API Gateway proxy event with 200 and the event itself as the JSON body, so a test
    /// sees exactly what the integration was given (requestContext.authorizer included).
    /// </summary>
    public static ApiGatewayProxyResponse ProxyEcho(JsonElement @event) =>
        new(200, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, @event.GetRawText());

    /// <summary>Returns a bare JSON string, which an API Gateway proxy integration cannot map (502).</summary>
    public static string MalformedProxyResponse() => "this is not an API Gateway proxy response";

    /// <summary>Returns what the function sees of its invocation: context, environment, trace header.</summary>
    public static ContextResponse Context(ILambdaContext context) => new(
        context.AwsRequestId,
        context.FunctionName,
        context.FunctionVersion,
        context.InvokedFunctionArn,
        context.MemoryLimitInMB,
        context.LogGroupName,
        context.LogStreamName,
        (long)context.RemainingTime.TotalMilliseconds,
        context.TraceId,
        Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"),
        context.ClientContext,
        context.CognitoIdentity);
}
