namespace Patterns.AwsClients.DynamoDb;

/// <summary>What CreateTable and DescribeTable say of a table (the members provisioning reads).</summary>
public sealed record TableDescription
{
    public string TableName { get; init; } = "";

    public string TableArn { get; init; } = "";

    /// <summary>CREATING, UPDATING, DELETING, ACTIVE, …</summary>
    public string TableStatus { get; init; } = "";

    public IReadOnlyList<KeySchemaElement>? KeySchema { get; init; }

    public IReadOnlyList<AttributeDefinition>? AttributeDefinitions { get; init; }
}
