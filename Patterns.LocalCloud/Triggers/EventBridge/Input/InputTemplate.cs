using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Patterns.LocalCloud.Triggers.EventBridge.Ingestion;

namespace Patterns.LocalCloud.Triggers.EventBridge.Input;

/// <summary>
/// Fills an InputTransformer's InputTemplate as EventBridge does. In a JSON template, a
/// placeholder outside quotes becomes the value's JSON (a string keeps its quotes, a missing
/// value becomes null) and a placeholder inside a quoted string becomes the value's text (a
/// string without quotes, anything else as JSON), not escaped. A template that is not JSON is
/// plain text: every placeholder becomes the value's text. A missing value inside quotes or text
/// leaves nothing. The JSON result is passed on minified.
/// </summary>
internal static partial class InputTemplate
{
    /// <param name="values">Each known placeholder name and its value's JSON text; null when the event has no value there.</param>
    public static string Render(string template, IReadOnlyDictionary<string, string?> values)
    {
        var placeholders = Find(template, values);
        if (placeholders.Count == 0)
            return Minified(template) ?? template;

        var probe = Substitute(template, placeholders, (_, quoted) => quoted ? "" : "null");
        if (Minified(probe) is null)
            return Substitute(template, placeholders, (value, _) => Text(value));
        var filled = Substitute(template, placeholders, (value, quoted) => quoted ? Text(value) : value ?? "null");
        // Values are not escaped inside strings, so the result may not be JSON: it goes as it is then.
        return Minified(filled) ?? filled;
    }

    /// <summary>A string value's characters without quotes; anything else as its JSON text; nothing for a missing value.</summary>
    private static string Text(string? json)
    {
        if (json is null)
            return "";
        if (json.StartsWith('"'))
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetString()!;
        }
        return json;
    }

    private static List<(int Start, int Length, string? Value, bool Quoted)> Find(string template, IReadOnlyDictionary<string, string?> values)
    {
        var found = new List<(int, int, string?, bool)>();
        var inString = false;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (inString && c == '\\')
            {
                i++;
                continue;
            }
            if (c == '"')
            {
                inString = !inString;
                continue;
            }
            if (c != '<')
                continue;
            var match = Placeholder().Match(template, i);
            if (match.Success && match.Index == i && values.TryGetValue(match.Groups["name"].Value, out var value))
            {
                found.Add((i, match.Length, value, inString));
                i += match.Length - 1;
            }
        }
        return found;
    }

    private static string Substitute(string template, List<(int Start, int Length, string? Value, bool Quoted)> placeholders, Func<string?, bool, string> replacement)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (var (start, length, value, quoted) in placeholders)
        {
            result.Append(template, at, start - at).Append(replacement(value, quoted));
            at = start + length;
        }
        return result.Append(template, at, template.Length - at).ToString();
    }

    private static string? Minified(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, BusEvent.WriterOptions))
                document.RootElement.WriteTo(writer);
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\G<(?<name>[A-Za-z0-9_.\-]+)>")]
    private static partial Regex Placeholder();
}
