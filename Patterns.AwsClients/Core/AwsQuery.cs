using System.Xml;
using System.Xml.Linq;

namespace Patterns.AwsClients.Core;

/// <summary>
/// The two halves of the query protocol (CloudFormation, IAM, STS, SNS): a form-encoded POST
/// naming the Action and API Version, and an XML answer whose &lt;{Action}Result&gt; holds the
/// operation's output.
/// </summary>
internal static class AwsQuery
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>An AwsRequest for one action; parameters without a value are left out, as the SDKs leave out unset members.</summary>
    public static AwsRequest Request(string action, string version, params IEnumerable<(string Name, string? Value)> parameters)
    {
        IEnumerable<(string Name, string? Value)> all = [("Action", action), ("Version", version), .. parameters];
        var form = string.Join('&', all.Where(p => p.Value is not null).Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}"));
        return new AwsRequest(action, HttpMethod.Post, "")
        {
            Body = System.Text.Encoding.UTF8.GetBytes(form),
            ContentType = ContentType,
        };
    }

    /// <summary>
    /// A string map flattened as the query protocol does: "{name}.entry.N.key" and
    /// "{name}.entry.N.value", N from 1 (SNS names its message-attribute members "Name" and "Value").
    /// </summary>
    public static IEnumerable<(string Name, string? Value)> Map(string name, IEnumerable<KeyValuePair<string, string>>? map, string keyName = "key", string valueName = "value")
    {
        var n = 0;
        foreach (var (key, value) in map ?? [])
        {
            n++;
            yield return ($"{name}.entry.{n}.{keyName}", key);
            yield return ($"{name}.entry.{n}.{valueName}", value);
        }
    }

    /// <summary>
    /// A list flattened as the query protocol does: each item's parameters under
    /// "{name}.member.N." (N from 1); <paramref name="member"/> gets an item and its prefix.
    /// </summary>
    public static IEnumerable<(string Name, string? Value)> List<T>(string name, IEnumerable<T>? items, Func<T, string, IEnumerable<(string Name, string? Value)>> member)
    {
        var n = 0;
        foreach (var item in items ?? [])
        {
            n++;
            foreach (var parameter in member(item, $"{name}.member.{n}."))
                yield return parameter;
        }
    }

    /// <summary>A boolean as the query protocol writes it; null stays unset.</summary>
    public static string? Bool(bool? value) => value switch { true => "true", false => "false", null => null };

    /// <summary>The &lt;{Action}Result&gt; element of an answer; elements are matched by local name, whatever the namespace.</summary>
    /// <exception cref="InvalidOperationException">The body is not the action's XML answer.</exception>
    public static XElement Result(AwsResponse response, AwsClientSettings settings, string action)
    {
        XElement? root;
        try
        {
            using var stream = new MemoryStream(response.Body);
            root = XDocument.Load(stream).Root;
        }
        catch (XmlException exception)
        {
            throw NotTheAnswer(response, settings, action, exception.Message, exception);
        }
        var result = root?.Name.LocalName == $"{action}Response" ? Child(root, $"{action}Result") : null;
        return result ?? throw NotTheAnswer(response, settings, action, $"no {action}Response/{action}Result element", null);
    }

    public static XElement? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Value(XElement element, string name) => Child(element, name)?.Value;

    /// <summary>The &lt;member&gt; elements of a list member; empty when the list is absent.</summary>
    public static IEnumerable<XElement> Members(XElement element, string listName) =>
        Child(element, listName)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    /// <summary>A map member's &lt;entry&gt;&lt;key/&gt;&lt;value/&gt; pairs; empty when the map is absent.</summary>
    public static Dictionary<string, string> Entries(XElement element, string mapName)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Child(element, mapName)?.Elements().Where(e => e.Name.LocalName == "entry") ?? [])
        {
            if (Value(entry, "key") is { } key)
                entries[key] = Value(entry, "value") ?? "";
        }
        return entries;
    }

    private static InvalidOperationException NotTheAnswer(AwsResponse response, AwsClientSettings settings, string action, string problem, Exception? inner) =>
        new($"{settings.Service.SigningName} {action} answered {response.StatusCode} with a body that is not its XML answer ({problem}). Is {settings.Endpoint} an AWS endpoint?", inner);
}
