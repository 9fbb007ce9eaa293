namespace Patterns.AwsClients.DynamoDb;

/// <summary>One key of a table: its attribute and its role, HASH (partition) or RANGE (sort).</summary>
public sealed record KeySchemaElement(string AttributeName, string KeyType);
