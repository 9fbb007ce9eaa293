namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>Something that happened to an object, as a notification reports it.</summary>
/// <param name="EventName">With the "s3:" prefix, as configurations name events (s3:ObjectCreated:Put).</param>
/// <param name="Key">The key as stored (not encoded).</param>
/// <param name="Size">Null for removals, which report no size or eTag.</param>
/// <param name="TraceHeader">The request's trace context in X-Ray form; null when it sent none.</param>
internal sealed record S3ObjectEvent(
    string EventName,
    string Bucket,
    string Key,
    long? Size,
    string? ETag,
    string? VersionId,
    string Sequencer,
    DateTimeOffset Time,
    string RequestId,
    string HostId,
    string SourceIp,
    string PrincipalId,
    string? TraceHeader);
