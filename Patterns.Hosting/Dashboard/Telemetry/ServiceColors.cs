namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>
/// One colour per service (resource), given in order of first sight so that the first dozen
/// services never share one. Red is left out: it marks errors.
/// </summary>
internal sealed class ServiceColors
{
    private static readonly string[] Palette =
    [
        "#1c7ed6", "#e8590c", "#2f9e44", "#7048e8", "#0c8599", "#f08c00",
        "#3b5bdb", "#66a80f", "#ae3ec9", "#8d6e63", "#495057", "#1098ad",
    ];

    private readonly Dictionary<string, string> _assigned = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Of(string service)
    {
        lock (_lock)
        {
            if (!_assigned.TryGetValue(service, out var colour))
            {
                colour = Palette[_assigned.Count % Palette.Length];
                _assigned.Add(service, colour);
            }
            return colour;
        }
    }
}
