namespace Patterns.AwsClients.DynamoDb;

/// <summary>A key attribute's scalar type: S (string), N (number) or B (binary).</summary>
public sealed record AttributeDefinition(string AttributeName, string AttributeType);
