namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// An event pattern EventBridge would refuse, with the reason in AWS's words
/// ("Event pattern is not valid. Reason: …", as PutRule and TestEventPattern answer).
/// </summary>
internal sealed class EventPatternException(string reason) : Exception($"Event pattern is not valid. Reason: {reason}")
{
    public string Reason { get; } = reason;
}
