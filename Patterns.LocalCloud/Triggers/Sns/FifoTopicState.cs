using System.Security.Cryptography;
using System.Text;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// A FIFO topic's sequence numbers and its five-minute deduplication window: a message whose
/// deduplication id (given, or the SHA-256 of the body with ContentBasedDeduplication) was seen
/// within the window is accepted but not delivered again.
/// </summary>
internal sealed class FifoTopicState
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, (SnsMessage Message, DateTimeOffset Expires)> _seen = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>The message with its sequence number, and whether it is new (to be delivered) or a duplicate (the first one's identity).</summary>
    public (SnsMessage Message, bool IsNew) Accept(SnsMessage message)
    {
        var deduplicationId = message.MessageDeduplicationId
            ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.Message)));
        lock (_seen)
        {
            var now = message.Timestamp;
            foreach (var expired in _seen.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
                _seen.Remove(expired);
            if (_seen.TryGetValue(deduplicationId, out var first))
                return (first.Message, false);
            var accepted = message with
            {
                MessageDeduplicationId = deduplicationId,
                SequenceNumber = "1" + (++_sequence).ToString("D19", System.Globalization.CultureInfo.InvariantCulture),
            };
            _seen[deduplicationId] = (accepted, now + Window);
            return (accepted, true);
        }
    }
}
