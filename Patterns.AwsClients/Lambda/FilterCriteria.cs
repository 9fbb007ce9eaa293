namespace Patterns.AwsClients.Lambda;

/// <summary>An event source's filters: a record is processed when any filter matches; the others are dropped (SQS: deleted).</summary>
public sealed record FilterCriteria(IReadOnlyList<EventFilter> Filters);
