using Patterns.LocalCloud.Triggers.Sqs;

namespace Patterns.LocalCloud.Lambda.EventSourceMappings;

/// <summary>A stored mapping: its current configuration, its queue and the poller running it (if enabled).</summary>
internal sealed class EventSourceMappingEntry(EventSourceMapping mapping, SqsQueue queue)
{
    private volatile EventSourceMapping _mapping = mapping;

    public EventSourceMapping Mapping
    {
        get => _mapping;
        set => _mapping = value;
    }

    public SqsQueue Queue { get; set; } = queue;

    /// <summary>The running poller; null while disabled. Changed only under the registry's lock.</summary>
    public SqsPoller? Poller { get; set; }
}
