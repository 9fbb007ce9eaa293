using System.Globalization;
using System.Text;
using System.Text.Json;
using Patterns.LocalCloud.Triggers.EventBridge.Ingestion;
using Patterns.LocalCloud.Triggers.EventBridge.Rules;

namespace Patterns.LocalCloud.Triggers.EventBridge.Input;

/// <summary>
/// What a target receives for an event: its Input as given, the part of the event its InputPath
/// selects, its InputTransformer's filled template, or else the whole event.
/// </summary>
internal static class TargetInput
{
    /// <exception cref="InputPathException">The target's InputPath or an InputPathsMap value is not a supported JSON path.</exception>
    public static string For(RuleTarget target, EventRule rule, BusEvent busEvent)
    {
        var eventJson = busEvent.ToJson();
        if (target.Input is not null)
            return target.Input;
        if (target.InputPath is null && target.InputTransformer is null)
            return Encoding.UTF8.GetString(eventJson);

        using var document = JsonDocument.Parse(eventJson);
        var root = document.RootElement;
        if (target.InputPath is not null)
        {
            // A path the event does not have selects nothing, which a target receives as null.
            return InputPathExpression.Parse(target.InputPath).Select(root) ?? "null";
        }

        var transformer = target.InputTransformer!;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, path) in transformer.InputPathsMap)
            values[name] = InputPathExpression.Parse(path).Select(root);
        // The predefined variables are reserved: InputPathsMap cannot redefine them.
        values["aws.events.rule-arn"] = JsonString(rule.Arn);
        values["aws.events.rule-name"] = JsonString(rule.Name);
        values["aws.events.event.ingestion-time"] = JsonString(busEvent.IngestionTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        values["aws.events.event"] = Encoding.UTF8.GetString(busEvent.ToJsonWithoutDetail());
        values["aws.events.event.json"] = Encoding.UTF8.GetString(eventJson);
        return InputTemplate.Render(transformer.InputTemplate, values);
    }

    private static string JsonString(string text) => JsonSerializer.Serialize(text);
}
