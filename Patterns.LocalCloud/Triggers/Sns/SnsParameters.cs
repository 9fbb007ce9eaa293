using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// A query-protocol request's parameters (the form body, and the query string as SNS also
/// accepts GET), with the protocol's flattened lists: Prefix.member.N.Field and Prefix.entry.N.Field.
/// </summary>
internal sealed class SnsParameters(Dictionary<string, string> values)
{
    public string? Action => Get("Action");

    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The indices N of "{prefix}.N." keys in ascending order (the protocol numbers from 1).</summary>
    public IReadOnlyList<int> Indices(string prefix)
    {
        var start = prefix + ".";
        var found = new SortedSet<int>();
        foreach (var key in values.Keys)
        {
            if (!key.StartsWith(start, StringComparison.Ordinal))
                continue;
            var rest = key.AsSpan(start.Length);
            var dot = rest.IndexOf('.');
            if (int.TryParse(dot < 0 ? rest : rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                found.Add(index);
        }
        return [.. found];
    }

    /// <summary>Reads the parameters and rewinds the body, so the request can still be forwarded to moto.</summary>
    public static async Task<SnsParameters> ReadAsync(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
            values[key] = value.ToString();
        if (request.HasFormContentType)
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, leaveOpen: true);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            request.Body.Position = 0;
            foreach (var (key, value) in QueryHelpers.ParseQuery(body))
                values[key] = value.ToString();
        }
        return new SnsParameters(values);
    }
}
