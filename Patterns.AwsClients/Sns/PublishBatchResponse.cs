using System.Collections.Immutable;

namespace Patterns.AwsClients.Sns;

/// <summary>PublishBatch's output: each entry is in exactly one of the two lists.</summary>
public sealed record PublishBatchResponse(ImmutableArray<PublishBatchResultEntry> Successful, ImmutableArray<BatchResultErrorEntry> Failed);
