namespace Patterns.Hosting.Model;

/// <summary>A table's partition or sort key.</summary>
public sealed record KeyAttribute(string Name, AttributeType Type = AttributeType.String);
