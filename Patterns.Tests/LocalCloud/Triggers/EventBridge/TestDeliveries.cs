using System.Text.Json;
using Patterns.LocalCloud.Triggers.EventBridge.Delivery;
using Patterns.LocalCloud.Triggers.EventBridge.Ingestion;
using Patterns.LocalCloud.Triggers.EventBridge.Rules;

namespace Patterns.Tests.LocalCloud.Triggers.EventBridge;

/// <summary>Events, rules and targets for the unit tests of input transformation and delivery.</summary>
internal static class TestDeliveries
{
    public const string RuleArn = "arn:aws:events:us-east-1:000000000000:rule/orders-rule";

    public static BusEvent Event(string detail = """{"instance-id":"i-0123","state":"RUNNING","count":5,"items":[{"sku":"a"},{"sku":"b"}]}""", DateTimeOffset? ingested = null)
    {
        using var document = JsonDocument.Parse(detail);
        return new BusEvent(
            "7bf73129-1428-4cd3-a780-95db273d1602",
            "EC2 Instance State-change Notification",
            "aws.ec2",
            "000000000000",
            new DateTimeOffset(2015, 11, 11, 21, 29, 54, TimeSpan.Zero),
            "us-east-1",
            ["arn:aws:ec2:us-east-1:000000000000:instance/i-0123"],
            document.RootElement.Clone(),
            EventBusReference.Parse(null, "us-east-1", "000000000000"),
            ingested ?? DateTimeOffset.UtcNow,
            null,
            ForwardedFromBus: false);
    }

    public static RuleTarget Target(
        string? input = null, string? inputPath = null, InputTransformer? transformer = null, RetryPolicy? retry = null, string? deadLetterArn = null) =>
        new("target-1", "arn:aws:sqs:us-east-1:000000000000:orders", input, inputPath, transformer, retry ?? RetryPolicy.Default, deadLetterArn, null);

    public static EventRule Rule(params RuleTarget[] targets) =>
        new("orders-rule", RuleArn, "ENABLED", """{"source":["aws.ec2"]}""", null, null, targets);

    public static TargetDelivery Delivery(RuleTarget target, BusEvent? busEvent = null) =>
        new(Rule(target), target, busEvent ?? Event(), null, null);
}
