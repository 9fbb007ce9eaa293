using System.Collections.Immutable;

namespace Patterns.Hosting.Model;

/// <summary>
/// A Lambda function of the Functions build (runtime provided.al2023), named by its handler in
/// the Assembly::Namespace.Type::Method form.
/// </summary>
public sealed record Function(string Name, string Handler) : Resource(Name)
{
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(3);

    public const int DefaultMemorySize = 128;

    /// <summary>Lambda's default is 3 seconds; 1 s to 15 min, whole seconds.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>MB, 128 to 10240.</summary>
    public int MemorySize { get; init; } = DefaultMemorySize;

    /// <summary>Variables set as given (references add theirs on top).</summary>
    public ImmutableSortedDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public ImmutableArray<ResourceReference> References { get; init; } = [];

    /// <summary>Queues Lambda polls for this function.</summary>
    public ImmutableArray<QueueEventSource> EventSources { get; init; } = [];
}
