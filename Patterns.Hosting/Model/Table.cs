namespace Patterns.Hosting.Model;

/// <summary>A DynamoDB table (on-demand capacity); referencing it gives its table name.</summary>
public sealed record Table(string Name, KeyAttribute PartitionKey, KeyAttribute? SortKey = null) : Resource(Name);
