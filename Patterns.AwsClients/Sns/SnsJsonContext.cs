using System.Text.Json.Serialization;

namespace Patterns.AwsClients.Sns;

/// <summary>Source-generated JSON for the one JSON value SNS's query protocol carries: a String.Array attribute.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class SnsJsonContext : JsonSerializerContext;
