namespace Patterns.AwsClients.DynamoDb;

/// <summary>CreateTable's output.</summary>
internal sealed record CreateTableResponse(TableDescription? TableDescription);
