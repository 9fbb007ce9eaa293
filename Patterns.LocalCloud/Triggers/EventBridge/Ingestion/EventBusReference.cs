namespace Patterns.LocalCloud.Triggers.EventBridge.Ingestion;

/// <summary>An event bus named as PutEvents and targets name it: a name or an ARN (arn:aws:events:region:account:event-bus/name).</summary>
internal sealed record EventBusReference(string Name, string Arn)
{
    public const string DefaultName = "default";

    public static EventBusReference Parse(string? nameOrArn, string region, string accountId)
    {
        var name = string.IsNullOrEmpty(nameOrArn) ? DefaultName : nameOrArn;
        if (name.StartsWith("arn:", StringComparison.Ordinal))
        {
            var slash = name.IndexOf(":event-bus/", StringComparison.Ordinal);
            if (slash >= 0)
                return new EventBusReference(name[(slash + ":event-bus/".Length)..], name);
        }
        return new EventBusReference(name, $"arn:aws:events:{region}:{accountId}:event-bus/{name}");
    }
}
