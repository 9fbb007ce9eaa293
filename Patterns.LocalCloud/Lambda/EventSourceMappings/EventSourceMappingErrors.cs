using Patterns.LocalCloud.Edge;

namespace Patterns.LocalCloud.Lambda.EventSourceMappings;

/// <summary>Every error of the event source mapping operations, worded and coded as AWS's Lambda API does.</summary>
internal static class EventSourceMappingErrors
{
    // AWS's words exactly; the UUID is in the request the caller made.
    public static AwsServiceException NotFound() =>
        new(404, "ResourceNotFoundException", "The resource you requested does not exist.");

    public static AwsServiceException QueueNotFound() =>
        new(400, "InvalidParameterValueException",
            "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist or you do not have access to it.");

    public static AwsServiceException VisibilityTimeoutTooShort(int visibilitySeconds, int functionTimeoutSeconds) =>
        new(400, "InvalidParameterValueException", $"Queue visibility timeout: {visibilitySeconds} seconds is less than Function timeout: {functionTimeoutSeconds} seconds");

    public static AwsServiceException BatchWindowRequired() =>
        new(400, "InvalidParameterValueException", "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");

    public static AwsServiceException FifoBatchSize() =>
        new(400, "InvalidParameterValueException", "Maximum batch size must be between 1 and 10 inclusive");

    public static AwsServiceException FifoBatchWindow() =>
        new(400, "InvalidParameterValueException", "Batching window is not supported for FIFO queues");

    public static AwsServiceException Conflict(string queueArn, string functionName, string uuid) =>
        new(409, "ResourceConflictException",
            $"An event source mapping with SQS arn (\" {queueArn} \") and function (\" {functionName} \") already exists. Please update or delete the existing mapping with UUID {uuid}");

    public static AwsServiceException Deleting(string uuid) =>
        new(400, "ResourceInUseException", $"Cannot update the event source mapping {uuid}: it is being deleted.");

    public static AwsServiceException EventSourceRequired() =>
        new(400, "InvalidParameterValueException", "Unrecognized event source, must be kafka or specify an EventSourceArn");

    public static AwsServiceException UnsupportedSource(string arn) =>
        new(400, "InvalidParameterValueException",
            $"The local Lambda service runs event source mappings for SQS queues only; {arn} is not an SQS queue ARN (arn:aws:sqs:region:account:name). Kinesis, DynamoDB Streams, Kafka and MQ sources are not supported locally.");

    public static AwsServiceException NotValidForSqs(string parameter) =>
        new(400, "InvalidParameterValueException", $"{parameter} is not valid for SQS event sources.");

    // AWS's words; the reason is the pattern parser's, as EventBridge words it.
    public static AwsServiceException InvalidFilterPattern(string pattern, string reason) =>
        new(400, "InvalidParameterValueException", $"Invalid filter pattern definition. ({reason}: {pattern})");

    public static AwsServiceException TooManyFilters(int count, int limit) =>
        new(400, "InvalidParameterValueException", $"FilterCriteria has {count} filters; an event source mapping takes at most {limit} (Lambda's default quota).");

    public static AwsServiceException Validation(string field, string constraint, object? value) =>
        new(400, "ValidationException", $"1 validation error detected: Value {(value is null ? "null" : $"'{value}'")} at '{field}' failed to satisfy constraint: {constraint}");

    public static AwsServiceException StoppedCloud() =>
        new(503, "ServiceException", "The local cloud is stopping; event source mappings cannot be changed now.");
}
