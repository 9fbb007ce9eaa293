using Patterns.Hosting.Model;

namespace Patterns.Cdk.Mapping;

/// <summary>The DynamoDB item actions each access level allows on a table (no table management, no streams, no indexes).</summary>
internal static class DynamoDbActions
{
    private static readonly string[] Read = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan"];

    private static readonly string[] Write = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];

    public static string[] For(ResourceAccess access) => access switch
    {
        ResourceAccess.Read => Read,
        ResourceAccess.Write => Write,
        ResourceAccess.ReadWrite => [.. Read, .. Write],
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Access must be Read, Write or ReadWrite."),
    };
}
