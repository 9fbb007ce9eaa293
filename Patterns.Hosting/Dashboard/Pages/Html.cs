using System.Globalization;
using System.Net;
using Patterns.Hosting.Dashboard.Telemetry;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>The small pieces every page is written with; every value from outside goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A query string of the non-empty values, e.g. "?resource=Orders&amp;level=Error".</summary>
    public static string Query(params (string Name, string? Value)[] values)
    {
        var parts = values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMicroseconds:0} µs"),
        < 100 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.##} ms"),
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms"),
        < 60_000 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.##} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes} min {duration.Seconds} s"),
    };

    /// <summary>Local wall-clock time to the millisecond.</summary>
    public static string Time(ulong unixNano) =>
        unixNano == 0 ? "" : UnixNanos.ToDateTimeOffset(unixNano).ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Service(string name, ServiceColors colors) =>
        $"<span class=\"chip\" title=\"{E(name)}\"><span class=\"dot\" style=\"background:{colors.Of(name)}\"></span>{E(name)}</span>";

    public static string Percent(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Options(IEnumerable<string> values, string? selected, string allLabel) =>
        $"<option value=\"\">{E(allLabel)}</option>" +
        string.Concat(values.Select(v => $"<option value=\"{E(v)}\"{(v == selected ? " selected" : "")}>{E(v)}</option>"));

    public static string Attributes(IEnumerable<TelemetryAttribute> attributes)
    {
        var rows = string.Concat(attributes.Select(a => $"<tr><td class=\"mono\">{E(a.Key)}</td><td class=\"mono\">{E(a.Value)}</td></tr>"));
        return rows.Length == 0 ? "<p class=\"muted\">None.</p>" : $"<table class=\"kv\">{rows}</table>";
    }
}
