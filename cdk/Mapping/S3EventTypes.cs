using Amazon.CDK.AWS.S3;

namespace Patterns.Cdk.Mapping;

/// <summary>S3's event type names (as the model and the notification configuration write them) → CDK's members for them.</summary>
internal static class S3EventTypes
{
    private static readonly Dictionary<string, EventType> ByName = new(StringComparer.Ordinal)
    {
        ["s3:ObjectCreated:*"] = EventType.OBJECT_CREATED,
        ["s3:ObjectCreated:Put"] = EventType.OBJECT_CREATED_PUT,
        ["s3:ObjectCreated:Post"] = EventType.OBJECT_CREATED_POST,
        ["s3:ObjectCreated:Copy"] = EventType.OBJECT_CREATED_COPY,
        ["s3:ObjectCreated:CompleteMultipartUpload"] = EventType.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD,
        ["s3:ObjectRemoved:*"] = EventType.OBJECT_REMOVED,
        ["s3:ObjectRemoved:Delete"] = EventType.OBJECT_REMOVED_DELETE,
        ["s3:ObjectRemoved:DeleteMarkerCreated"] = EventType.OBJECT_REMOVED_DELETE_MARKER_CREATED,
        ["s3:ObjectRestore:Post"] = EventType.OBJECT_RESTORE_POST,
        ["s3:ObjectRestore:Completed"] = EventType.OBJECT_RESTORE_COMPLETED,
        ["s3:ObjectRestore:Delete"] = EventType.OBJECT_RESTORE_DELETE,
        ["s3:ReducedRedundancyLostObject"] = EventType.REDUCED_REDUNDANCY_LOST_OBJECT,
        ["s3:Replication:OperationFailedReplication"] = EventType.REPLICATION_OPERATION_FAILED_REPLICATION,
        ["s3:Replication:OperationMissedThreshold"] = EventType.REPLICATION_OPERATION_MISSED_THRESHOLD,
        ["s3:Replication:OperationReplicatedAfterThreshold"] = EventType.REPLICATION_OPERATION_REPLICATED_AFTER_THRESHOLD,
        ["s3:Replication:OperationNotTracked"] = EventType.REPLICATION_OPERATION_NOT_TRACKED,
        ["s3:LifecycleExpiration:*"] = EventType.LIFECYCLE_EXPIRATION,
        ["s3:LifecycleExpiration:Delete"] = EventType.LIFECYCLE_EXPIRATION_DELETE,
        ["s3:LifecycleExpiration:DeleteMarkerCreated"] = EventType.LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED,
        ["s3:LifecycleTransition"] = EventType.LIFECYCLE_TRANSITION,
        ["s3:IntelligentTiering"] = EventType.INTELLIGENT_TIERING,
        ["s3:ObjectTagging:*"] = EventType.OBJECT_TAGGING,
        ["s3:ObjectTagging:Put"] = EventType.OBJECT_TAGGING_PUT,
        ["s3:ObjectTagging:Delete"] = EventType.OBJECT_TAGGING_DELETE,
        ["s3:ObjectAcl:Put"] = EventType.OBJECT_ACL_PUT,
    };

    /// <summary>Every event type the mapping deploys.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <exception cref="NotSupportedException">S3 or CDK 2.160 has no such event type (e.g. s3:ObjectRestore:*, which CDK cannot express).</exception>
    public static EventType For(string bucket, string name) =>
        ByName.TryGetValue(name, out var type)
            ? type
            : throw new NotSupportedException(
                $"Bucket {bucket}: the event type {name} cannot be deployed; the CDK mapping knows {string.Join(", ", ByName.Keys)}. Name the specific types instead.");
}
