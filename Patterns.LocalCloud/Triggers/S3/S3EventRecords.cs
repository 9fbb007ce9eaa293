using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>The S3 event message (eventVersion 2.1): one record per event, as Lambda, SQS and SNS receive it.</summary>
internal static class S3EventRecords
{
    public static string Message(S3ObjectEvent objectEvent, string configurationId, string region, string ownerId)
    {
        var @object = new JsonObject { ["key"] = S3KeyEncoder.Encode(objectEvent.Key) };
        if (objectEvent.Size is { } size)
            @object["size"] = size;
        if (objectEvent.ETag is { } eTag)
            @object["eTag"] = eTag;
        if (objectEvent.VersionId is { } versionId)
            @object["versionId"] = versionId;
        @object["sequencer"] = objectEvent.Sequencer;
        var record = new JsonObject
        {
            ["eventVersion"] = "2.1",
            ["eventSource"] = "aws:s3",
            ["awsRegion"] = region,
            ["eventTime"] = objectEvent.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["eventName"] = objectEvent.EventName["s3:".Length..],
            ["userIdentity"] = new JsonObject { ["principalId"] = objectEvent.PrincipalId },
            ["requestParameters"] = new JsonObject { ["sourceIPAddress"] = objectEvent.SourceIp },
            ["responseElements"] = new JsonObject { ["x-amz-request-id"] = objectEvent.RequestId, ["x-amz-id-2"] = objectEvent.HostId },
            ["s3"] = new JsonObject
            {
                ["s3SchemaVersion"] = "1.0",
                ["configurationId"] = configurationId,
                ["bucket"] = new JsonObject
                {
                    ["name"] = objectEvent.Bucket,
                    ["ownerIdentity"] = new JsonObject { ["principalId"] = ownerId },
                    ["arn"] = $"arn:aws:s3:::{objectEvent.Bucket}",
                },
                ["object"] = @object,
            },
        };
        return new JsonObject { ["Records"] = new JsonArray(record) }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>What S3 sends a queue or topic when a configuration naming it is put.</summary>
    public static string TestEvent(string bucket, string requestId, string hostId) =>
        new JsonObject
        {
            ["Service"] = "Amazon S3",
            ["Event"] = "s3:TestEvent",
            ["Time"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["Bucket"] = bucket,
            ["RequestId"] = requestId,
            ["HostId"] = hostId,
        }.ToJsonString();
}
