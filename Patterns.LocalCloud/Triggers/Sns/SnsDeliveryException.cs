namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>A delivery to one subscription failed for good (after the retries its protocol gets); the message goes to the subscription's DLQ if it has one.</summary>
internal sealed class SnsDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
