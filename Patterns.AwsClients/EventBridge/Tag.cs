namespace Patterns.AwsClients.EventBridge;

/// <summary>A tag on a bus or rule.</summary>
public sealed record Tag(string Key, string Value);
