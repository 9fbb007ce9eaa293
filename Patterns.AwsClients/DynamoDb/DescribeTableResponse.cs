namespace Patterns.AwsClients.DynamoDb;

/// <summary>DescribeTable's output.</summary>
internal sealed record DescribeTableResponse(TableDescription? Table);
