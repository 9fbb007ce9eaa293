using Patterns.LocalCloud.Edge;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>Every error the local SNS answers with, coded and worded as SNS does.</summary>
internal static class SnsErrors
{
    public static AwsServiceException InvalidParameter(string message) => new(400, "InvalidParameter", message);

    public static AwsServiceException InvalidParameterValue(string message) => new(400, "ParameterValueInvalid", message);

    public static AwsServiceException TopicNotFound() => new(404, "NotFound", "Topic does not exist");

    public static AwsServiceException Required(string parameter) =>
        new(400, "ValidationError", $"1 validation error detected: Value null at '{parameter}' failed to satisfy constraint: Member must not be null");

    public static AwsServiceException EmptyMessage() => InvalidParameter("Invalid parameter: Empty message");

    public static AwsServiceException MessageTooLong() => InvalidParameter("Invalid parameter: Message too long");

    public static AwsServiceException TooManyEntries() =>
        new(400, "TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.");

    public static AwsServiceException EmptyBatch() =>
        new(400, "EmptyBatchRequest", "The batch request doesn't contain any entries.");

    public static AwsServiceException BatchIdsNotDistinct() =>
        new(400, "BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");

    public static AwsServiceException InvalidBatchEntryId(string reason, string id) =>
        new(400, "InvalidBatchEntryId", $"The Id of a batch entry in the batch request {reason}: {id}");

    public static AwsServiceException BatchRequestTooLong() =>
        new(400, "BatchRequestTooLong", "The length of all the messages put together is more than the limit.");
}
