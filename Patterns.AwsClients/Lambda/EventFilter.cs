namespace Patterns.AwsClients.Lambda;

/// <summary>One event filter: a JSON pattern in EventBridge's pattern language, matched against each record.</summary>
public sealed record EventFilter(string Pattern);
