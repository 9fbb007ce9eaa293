namespace Patterns.AwsClients.EventBridge;

/// <summary>PutEvents' input: 1 to 10 events, each to its own bus.</summary>
public sealed record PutEventsRequest(IReadOnlyList<PutEventsRequestEntry> Entries);
