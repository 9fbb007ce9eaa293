namespace Patterns.AwsClients.Sns;

/// <summary>A batch entry that was not published.</summary>
/// <param name="SenderFault">True when the entry itself was wrong (retrying it unchanged fails again).</param>
public sealed record BatchResultErrorEntry(string Id, string Code, string? Message, bool SenderFault);
