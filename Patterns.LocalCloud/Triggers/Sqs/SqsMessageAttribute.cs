namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>A message attribute as ReceiveMessage returns it; BinaryValue is base64.</summary>
internal sealed record SqsMessageAttribute(string DataType, string? StringValue, string? BinaryValue);
