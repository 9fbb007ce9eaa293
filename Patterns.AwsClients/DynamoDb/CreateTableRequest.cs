namespace Patterns.AwsClients.DynamoDb;

/// <summary>CreateTable's input: the keys, their attributes' types and the billing mode (PAY_PER_REQUEST needs no throughput).</summary>
public sealed record CreateTableRequest(string TableName, IReadOnlyList<KeySchemaElement> KeySchema, IReadOnlyList<AttributeDefinition> AttributeDefinitions)
{
    /// <summary>PAY_PER_REQUEST (on demand) or PROVISIONED.</summary>
    public string? BillingMode { get; init; }
}
