namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>
/// The six severity ranges of OTLP's SeverityNumber (1-4 trace … 21-24 fatal), each with its
/// lowest number, so that "at least Warning" is a comparison.
/// </summary>
internal sealed record LogLevelName(string Name, int Lowest)
{
    public static readonly LogLevelName Trace = new("Trace", 1);
    public static readonly LogLevelName Debug = new("Debug", 5);
    public static readonly LogLevelName Information = new("Information", 9);
    public static readonly LogLevelName Warning = new("Warning", 13);
    public static readonly LogLevelName Error = new("Error", 17);
    public static readonly LogLevelName Critical = new("Critical", 21);

    public static IReadOnlyList<LogLevelName> All { get; } = [Trace, Debug, Information, Warning, Error, Critical];

    /// <summary>By number; a record without one (0) is read from its severity text, else taken as Information.</summary>
    public static LogLevelName Of(int severityNumber, string severityText)
    {
        if (severityNumber > 0)
            return All.Last(l => l.Lowest <= Math.Min(severityNumber, 24));
        return severityText.Trim().ToUpperInvariant() switch
        {
            "TRACE" or "TRC" => Trace,
            "DEBUG" or "DBG" => Debug,
            "WARN" or "WARNING" or "WRN" => Warning,
            "ERROR" or "ERR" or "FAIL" => Error,
            "FATAL" or "CRITICAL" or "CRIT" or "CRT" => Critical,
            _ => Information,
        };
    }

    /// <summary>By name, as the filter's query string carries it; null when there is no such level.</summary>
    public static LogLevelName? Parse(string? name) =>
        All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
}
