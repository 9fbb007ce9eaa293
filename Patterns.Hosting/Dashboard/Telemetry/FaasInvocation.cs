namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>
/// Recognises a function's invocation span by OpenTelemetry's FaaS conventions: the span a
/// function process starts for each event (kind SERVER or CONSUMER) carries
/// <c>faas.trigger</c> or <c>faas.invocation_id</c>; <c>faas.coldstart</c> marks the first of an
/// instance. The function is the resource's <c>faas.name</c>, else its service.name.
/// A caller's span (with <c>faas.invoked_name</c>) is not an invocation of the caller.
/// </summary>
internal static class FaasInvocation
{
    public static bool TryRead(TelemetrySpan span, out string function, out bool coldStart)
    {
        function = "";
        coldStart = false;
        if (span.Kind is not (TelemetrySpanKind.Server or TelemetrySpanKind.Consumer))
            return false;
        if (span.Attribute("faas.trigger") is null && span.Attribute("faas.invocation_id") is null)
            return false;
        if (span.Attribute("faas.invoked_name") is not null)
            return false;
        function = span.Resource.Attribute("faas.name") ?? span.ServiceName;
        coldStart = string.Equals(span.Attribute("faas.coldstart"), "true", StringComparison.OrdinalIgnoreCase);
        return true;
    }
}
