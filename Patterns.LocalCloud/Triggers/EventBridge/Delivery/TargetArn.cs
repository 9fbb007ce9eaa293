namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>A target's ARN split into service, Region, account and resource (arn:aws:sqs:us-east-1:123456789012:queue).</summary>
internal sealed record TargetArn(string Service, string Region, string Account, string Resource)
{
    public static TargetArn? Parse(string arn)
    {
        var parts = arn.Split(':', 6);
        return parts is ["arn", _, var service, var region, var account, var resource] ? new TargetArn(service, region, account, resource) : null;
    }

    /// <summary>The resource's last name: a queue, topic, function, state machine or bus name.</summary>
    public string ResourceName => Service switch
    {
        "lambda" => Resource.Split(':') is [_, var function, ..] ? function : Resource,
        "states" => Resource.Split(':') is [_, var machine, ..] ? machine : Resource,
        "events" => Resource.StartsWith("event-bus/", StringComparison.Ordinal) ? Resource["event-bus/".Length..] : Resource,
        _ => Resource,
    };
}
