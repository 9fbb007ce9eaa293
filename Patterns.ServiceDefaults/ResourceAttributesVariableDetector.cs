using OpenTelemetry.Resources;

namespace Patterns.ServiceDefaults;

/// <summary>
/// OTEL_RESOURCE_ATTRIBUTES (<c>key1=value1,key2=value2</c>, values percent-encoded), read through
/// the given environment so that what a process is told is all that counts.
/// </summary>
internal sealed class ResourceAttributesVariableDetector(Func<string, string?> environment) : IResourceDetector
{
    public Resource Detect()
    {
        var value = environment("OTEL_RESOURCE_ATTRIBUTES");
        if (string.IsNullOrWhiteSpace(value))
        {
            return Resource.Empty;
        }

        var attributes = new Dictionary<string, object>();
        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // The specification says a malformed entry is ignored rather than failing the process.
                continue;
            }

            attributes[pair[..equals].Trim()] = Uri.UnescapeDataString(pair[(equals + 1)..].Trim());
        }

        return new Resource(attributes);
    }
}
