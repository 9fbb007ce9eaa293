namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>
/// Waits between attempts to deliver to a target: exponential from a first delay up to a cap,
/// each with jitter (between half and all of the exponential value), as EventBridge backs off.
/// </summary>
internal sealed class RetryBackoff(TimeSpan firstDelay, TimeSpan maximumDelay)
{
    /// <param name="retry">0 for the wait before the first retry.</param>
    public TimeSpan Delay(int retry)
    {
        var exponential = firstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(exponential, maximumDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
