namespace Patterns.ServiceDefaults.Otlp;

/// <summary>
/// OTEL_EXPORTER_OTLP_HEADERS and its traces-only variant, as the OpenTelemetry SDKs read them:
/// comma-separated key=value pairs with percent-encoded values.
/// </summary>
internal static class OtlpHeaders
{
    /// <param name="problems">Told of each entry that is left out and why.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? value, TextWriter problems)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return headers;
        }

        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=');
            var name = equals > 0 ? entry[..equals].Trim() : string.Empty;
            var headerValue = equals > 0 ? Uri.UnescapeDataString(entry[(equals + 1)..].Trim()) : string.Empty;
            // A line break in a header would end it and start another: such an entry is not sent.
            if (name.Length == 0 || !name.All(IsTokenChar) || headerValue.Any(c => c is '\r' or '\n' or '\0'))
            {
                problems.WriteLine($"OTEL_EXPORTER_OTLP_HEADERS: '{entry}' is not a header (name=value, the value percent-encoded); it is not sent.");
                continue;
            }

            headers.Add(new(name, headerValue));
        }

        return headers;
    }

    // RFC 9110's token characters.
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
