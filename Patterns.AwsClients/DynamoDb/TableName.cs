using System.Text.Json.Serialization;

namespace Patterns.AwsClients.DynamoDb;

/// <summary>The input of the operations that name one table (DescribeTable).</summary>
internal sealed record TableName([property: JsonPropertyName("TableName")] string Name);
