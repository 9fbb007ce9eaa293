namespace Patterns.Hosting.Model;

/// <summary>A custom EventBridge event bus; referencing it gives its name.</summary>
public sealed record EventBus(string Name) : Resource(Name);
