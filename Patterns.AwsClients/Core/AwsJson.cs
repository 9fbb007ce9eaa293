using System.Text.Json.Serialization.Metadata;

namespace Patterns.AwsClients.Core;

/// <summary>
/// The JSON protocol (awsJson1_0 / awsJson1_1: EventBridge, Cognito, DynamoDB, SQS): every
/// operation is a POST to "/" naming itself in X-Amz-Target as "{TargetPrefix}.{Operation}",
/// with the input as the JSON body and the output as the JSON answer.
/// </summary>
internal static class AwsJson
{
    public const string ContentType10 = "application/x-amz-json-1.0";

    public const string ContentType11 = "application/x-amz-json-1.1";

    /// <summary>An AwsRequest for one operation of a JSON 1.1 service.</summary>
    /// <param name="unsigned">True for the few operations AWS defines without SigV4.</param>
    public static AwsRequest Request<T>(string targetPrefix, string operation, T input, JsonTypeInfo<T> typeInfo, bool unsigned = false) =>
        new(operation, HttpMethod.Post, "")
        {
            Body = RestJson.Serialize(input, typeInfo),
            ContentType = ContentType11,
            Headers = [new("X-Amz-Target", $"{targetPrefix}.{operation}")],
            Unsigned = unsigned,
        };
}
