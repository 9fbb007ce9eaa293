namespace Functions.Runtime.Bootstrap;

/// <summary>The variables that make this process a Lambda runtime.</summary>
/// <param name="RuntimeApi">AWS_LAMBDA_RUNTIME_API: host:port of the Runtime API.</param>
/// <param name="Handler">_HANDLER: which method serves the events; null when unset.</param>
/// <param name="LogMarker">LOCALCLOUD_LOG_MARKER: set only by the local Lambda service.</param>
internal sealed record RuntimeSettings(string? RuntimeApi, string? Handler, string? LogMarker)
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string HandlerVariable = "_HANDLER";
    public const string LogMarkerVariable = "LOCALCLOUD_LOG_MARKER";
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    public static RuntimeSettings Read(Func<string, string?> environment) => new(
        NullIfEmpty(environment(RuntimeApiVariable)),
        NullIfEmpty(environment(HandlerVariable)),
        NullIfEmpty(environment(LogMarkerVariable)));

    /// <summary>True when the value can stand after <c>http://</c> as an authority and nothing else.</summary>
    public static bool IsHostAndPort(string value) =>
        Uri.TryCreate($"http://{value}/", UriKind.Absolute, out var uri)
        && uri.AbsolutePath == "/"
        && uri.UserInfo.Length == 0
        && string.Equals(uri.Authority, value, StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
