using System.Text.Json.Serialization;

namespace Patterns.AwsClients.DynamoDb;

/// <summary>Source-generated JSON for DynamoDB (JSON 1.0), whose members are PascalCase on the wire.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateTableRequest))]
[JsonSerializable(typeof(CreateTableResponse))]
[JsonSerializable(typeof(TableName))]
[JsonSerializable(typeof(DescribeTableResponse))]
internal sealed partial class DynamoDbJsonContext : JsonSerializerContext;
