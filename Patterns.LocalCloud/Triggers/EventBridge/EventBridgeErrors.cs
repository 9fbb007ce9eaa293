using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Triggers.EventBridge.Delivery;
using Patterns.LocalCloud.Triggers.EventBridge.Ingestion;

namespace Patterns.LocalCloud.Triggers.EventBridge;

/// <summary>
/// Every error and log line of the local EventBridge: PutEvents' answers worded and coded as
/// AWS's, and the log lines that name what was not delivered, why, and the fix.
/// </summary>
internal static class EventBridgeErrors
{
    public const int MaxEntries = 10;
    public const int MaxRequestSize = 256 * 1024;

    // PutEvents, whole request.
    public static AwsServiceException EntriesMissing() =>
        new(400, "ValidationException", "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null");

    public static AwsServiceException NoEntries() =>
        new(400, "ValidationException", "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1");

    public static AwsServiceException TooManyEntries(int count) =>
        new(400, "ValidationException",
            $"1 validation error detected: Value '[PutEventsRequestEntry x {count}]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to {MaxEntries}");

    public static AwsServiceException RequestTooLarge() =>
        new(400, "ValidationException", "Total size of the entries in the request is over the limit.");

    public static AwsServiceException NotJson(string detail) =>
        new(400, "SerializationException", $"The request body is not valid JSON: {detail}");

    public static AwsServiceException InvalidEventPattern(string message) =>
        new(400, "InvalidEventPatternException", message);

    public static AwsServiceException InvalidTestEvent(string reason) =>
        new(400, "InvalidEventPatternException", $"Parameter Event is not valid. Reason: {reason}");

    // PutEvents, one entry.
    public static EntryError RequiredEntryField(string field) =>
        new("InvalidArgument", $"Parameter {field} is not valid. Reason: {field} is a required argument.");

    public static EntryError InvalidEntryField(string field, string reason) =>
        new("InvalidArgument", $"Parameter {field} is not valid. Reason: {reason}");

    public static EntryError EntryNotAnObject() =>
        new("InvalidArgument", "Parameter Entries is not valid. Reason: each entry must be a JSON object.");

    public static EntryError MalformedDetail() => new("MalformedDetail", "Detail is malformed.");

    public static EntryError RulesUnreadable(string bus, Exception exception) =>
        new("InternalFailure", $"The local cloud could not read the rules of event bus {bus} from moto: {exception.Message}");

    // Log lines.
    public static string BusDoesNotExist(string bus, string eventId) =>
        $"EventBridge: event {eventId} was put on event bus {bus}, which does not exist; as in AWS, PutEvents accepted it and nothing received it. Create the bus (CreateEventBus) or fix the entry's EventBusName.";

    public static string RuleNeverMatches(string rule, string bus, string reason) =>
        $"EventBridge: rule {rule} on event bus {bus} matches no event: {reason} Fix its EventPattern with PutRule.";

    public static string LambdaPermissionMissing(string function, string rule, string ruleArn) =>
        $"Function {function} has no resource-based policy statement that lets events.amazonaws.com invoke it for rule {rule}, so EventBridge may not invoke it. "
        + $"Add one: aws lambda add-permission --function-name {function} --statement-id {rule}-events --action lambda:InvokeFunction --principal events.amazonaws.com --source-arn {ruleArn}";

    public static string FifoGroupMissing(string queueArn, string rule) =>
        $"{queueArn} is a FIFO queue, and rule {rule}'s target for it has no SqsParameters.MessageGroupId; set one with PutTargets.";

    public static string ThirdBusHop(string eventId, string bus, string targetArn) =>
        $"Event {eventId} came to event bus {bus} from another bus, and EventBridge does not route such an event on to a third bus ({targetArn}).";

    public static string UnsupportedTarget(string arn, IEnumerable<string> services) =>
        $"{arn}: the local cloud delivers EventBridge events only to targets of these services: {string.Join(", ", services)}.";

    public static string Dropped(TargetDelivery delivery, DeliveryFailure failure, int retries) =>
        $"EventBridge: event {delivery.Event.Id} matched rule {delivery.Rule.Name} but was not delivered to target {delivery.Target.Id} ({delivery.Target.Arn}) "
        + $"after {retries} retries and was dropped: {failure.ErrorCode}: {failure.Message} Give the target a DeadLetterConfig to keep such events.";

    public static string DeadLetterFailed(TargetDelivery delivery, DeliveryFailure failure, DeliveryFailure deadLetterFailure) =>
        $"EventBridge: event {delivery.Event.Id} matched rule {delivery.Rule.Name} but was not delivered to target {delivery.Target.Id} ({delivery.Target.Arn}): "
        + $"{failure.ErrorCode}: {failure.Message} Nor could its dead-letter queue {delivery.Target.DeadLetterArn} take it ({deadLetterFailure.ErrorCode}: {deadLetterFailure.Message}); the event was dropped.";

    public static string DeliveryAbandoned(TargetDelivery delivery) =>
        $"EventBridge: delivery of event {delivery.Event.Id} to target {delivery.Target.Arn} of rule {delivery.Rule.Name} was abandoned: the local cloud stopped.";

    public static string UnexpectedDeliveryFault(TargetDelivery delivery, Exception exception) =>
        $"EventBridge: delivering event {delivery.Event.Id} to target {delivery.Target.Arn} of rule {delivery.Rule.Name} failed inside the local cloud: {exception}";
}
