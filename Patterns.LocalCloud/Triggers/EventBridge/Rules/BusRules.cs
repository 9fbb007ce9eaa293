using Patterns.LocalCloud.Triggers.EventBridge.Ingestion;

namespace Patterns.LocalCloud.Triggers.EventBridge.Rules;

/// <summary>An existing bus and its rules, as last read from moto.</summary>
internal sealed record BusRules(EventBusReference Bus, IReadOnlyList<EventRule> Rules);
