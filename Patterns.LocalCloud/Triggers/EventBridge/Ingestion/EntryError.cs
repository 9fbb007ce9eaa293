namespace Patterns.LocalCloud.Triggers.EventBridge.Ingestion;

/// <summary>Why PutEvents refused one entry: its PutEventsResultEntry's ErrorCode and ErrorMessage.</summary>
internal sealed record EntryError(string Code, string Message);
