using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;

namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>
/// The NotificationConfiguration document: TopicConfiguration (Topic), QueueConfiguration
/// (Queue) and CloudFunctionConfiguration (CloudFunction; the SDKs' LambdaFunctionConfiguration),
/// each with Id, Event(s) and Filter/S3Key/FilterRule; and EventBridgeConfiguration.
/// </summary>
internal static class NotificationXml
{
    private static readonly (string Element, string Arn, NotificationTarget Target)[] Kinds =
    [
        ("TopicConfiguration", "Topic", NotificationTarget.Topic),
        ("QueueConfiguration", "Queue", NotificationTarget.Queue),
        ("CloudFunctionConfiguration", "CloudFunction", NotificationTarget.Lambda),
    ];

    public static BucketNotifications Parse(byte[] body)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body)).Root ?? throw S3ErrorException.MalformedXml();
        }
        catch (XmlException)
        {
            throw S3ErrorException.MalformedXml();
        }
        if (root.Name.LocalName != "NotificationConfiguration")
            throw S3ErrorException.MalformedXml();
        var rules = new List<NotificationRule>();
        var eventBridge = false;
        foreach (var element in root.Elements())
        {
            if (element.Name.LocalName == "EventBridgeConfiguration")
            {
                eventBridge = true;
                continue;
            }
            var kind = Kinds.FirstOrDefault(k => k.Element == element.Name.LocalName);
            if (kind.Element is null)
                throw S3ErrorException.MalformedXml();
            var arn = Child(element, kind.Arn)?.Value ?? throw S3ErrorException.MalformedXml();
            var events = element.Elements().Where(e => e.Name.LocalName == "Event").Select(e => e.Value.Trim()).ToList();
            if (events.Count == 0)
                throw S3ErrorException.MalformedXml();
            var (prefix, suffix) = ReadFilter(Child(element, "Filter"));
            var id = Child(element, "Id")?.Value is { Length: > 0 } given ? given : NewId();
            rules.Add(new NotificationRule(kind.Target, id, arn.Trim(), events, prefix, suffix));
        }
        return new BucketNotifications(rules, eventBridge);
    }

    public static XElement Serialize(BucketNotifications notifications)
    {
        var ns = S3Xml.Namespace;
        var root = new XElement(ns + "NotificationConfiguration");
        foreach (var (element, arnName, target) in Kinds)
        {
            foreach (var rule in notifications.Rules.Where(r => r.Target == target))
            {
                var configuration = new XElement(ns + element, new XElement(ns + "Id", rule.Id), new XElement(ns + arnName, rule.TargetArn));
                configuration.Add(rule.Events.Select(e => new XElement(ns + "Event", e)));
                if (rule.Prefix is not null || rule.Suffix is not null)
                {
                    var key = new XElement(ns + "S3Key");
                    if (rule.Prefix is not null)
                        key.Add(new XElement(ns + "FilterRule", new XElement(ns + "Name", "Prefix"), new XElement(ns + "Value", rule.Prefix)));
                    if (rule.Suffix is not null)
                        key.Add(new XElement(ns + "FilterRule", new XElement(ns + "Name", "Suffix"), new XElement(ns + "Value", rule.Suffix)));
                    configuration.Add(new XElement(ns + "Filter", key));
                }
                root.Add(configuration);
            }
        }
        if (notifications.EventBridge)
            root.Add(new XElement(ns + "EventBridgeConfiguration"));
        return root;
    }

    private static (string? Prefix, string? Suffix) ReadFilter(XElement? filter)
    {
        string? prefix = null, suffix = null;
        var rules = filter is null ? [] : Child(filter, "S3Key")?.Elements().Where(e => e.Name.LocalName == "FilterRule") ?? [];
        foreach (var rule in rules)
        {
            var name = Child(rule, "Name")?.Value ?? "";
            var value = Child(rule, "Value")?.Value ?? "";
            switch (name.ToLowerInvariant())
            {
                case "prefix":
                    if (prefix is not null)
                        throw S3ErrorException.InvalidArgument("Cannot specify more than one prefix rule in a filter.", "FilterRule", name);
                    prefix = value;
                    break;
                case "suffix":
                    if (suffix is not null)
                        throw S3ErrorException.InvalidArgument("Cannot specify more than one suffix rule in a filter.", "FilterRule", name);
                    suffix = value;
                    break;
                default:
                    throw S3ErrorException.InvalidArgument("filter rule name must be either prefix or suffix", "FilterRule", name);
            }
        }
        return (prefix, suffix);
    }

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    // S3 names an unnamed configuration with a random id.
    private static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(36));
}
