using System.Globalization;

namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>
/// The sequencer of event records: hexadecimal, growing with every event, so that (as S3
/// promises for one key) a later event on a key has a greater sequencer when compared as strings
/// of equal length. Starts from the clock so it keeps growing across restarts.
/// </summary>
internal sealed class EventSequencer
{
    private long _last = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public string Next() => Interlocked.Increment(ref _last).ToString("X18", CultureInfo.InvariantCulture);
}
