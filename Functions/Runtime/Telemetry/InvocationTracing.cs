using System.Diagnostics;
using Functions.Runtime.Client;
using Functions.Runtime.Context;
using Patterns.ServiceDefaults;

namespace Functions.Runtime.Telemetry;

/// <summary>
/// The SERVER span of each invocation, continuing the caller's trace from the X-Ray header, with
/// OpenTelemetry's FaaS attributes and a link to the producer of each SQS message in the event.
/// When nothing listens to the source no span is made and the event is not looked at.
/// </summary>
internal sealed class InvocationTracing(FunctionEnvironment function) : IDisposable
{
    private readonly ActivitySource source = new(FunctionTelemetry.RuntimeSourceName);

    /// <param name="trigger">The event's faas.trigger when the caller has read it already, so the event is read once.</param>
    public Activity? Start(Invocation invocation, bool coldStart, string? trigger = null)
    {
        if (!source.HasListeners())
        {
            return null;
        }

        var parent = XRayTraceHeader.ParseParent(invocation.TraceId) ?? default;
        var activity = source.StartActivity(function.FunctionName, ActivityKind.Server, parent, links: MessageLinks.Of(invocation.Payload));
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("faas.trigger", trigger ?? FaasTrigger.Of(invocation.Payload));
        activity.SetTag("faas.invocation_id", invocation.RequestId);
        activity.SetTag("faas.coldstart", coldStart);
        activity.SetTag("faas.name", function.FunctionName);
        activity.SetTag("cloud.resource_id", invocation.InvokedFunctionArn);
        if (AccountOf(invocation.InvokedFunctionArn) is { } account)
        {
            activity.SetTag("cloud.account.id", account);
        }

        return activity;
    }

    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.AddException(exception);
    }

    public void Dispose() => source.Dispose();

    /// <summary>arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}].</summary>
    private static string? AccountOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[4].Length > 0 ? parts[4] : null;
    }
}
