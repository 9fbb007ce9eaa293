using System.Text;

namespace Patterns.Hosting.Local;

/// <summary>
/// The names of the stack outputs the CDK mapping gives each resource (e.g. ProductsTableName,
/// ProductsAPIUrl): the resource's name with every character but ASCII letters and digits
/// dropped (CloudFormation logical ids allow no others), then what the output holds. The
/// mapping writes them; a deployed app is read through them.
/// </summary>
internal static class StackOutputNames
{
    public static string TableName(string table) => For(table, "TableName");

    public static string FunctionName(string function) => For(function, "FunctionName");

    public static string LogGroupName(string function) => For(function, "LogGroupName");

    public static string Url(string restApi) => For(restApi, "Url");

    public static string QueueUrl(string queue) => For(queue, "QueueUrl");

    public static string TopicArn(string topic) => For(topic, "TopicArn");

    public static string EventBusName(string bus) => For(bus, "EventBusName");

    public static string BucketName(string bucket) => For(bucket, "BucketName");

    public static string UserPoolId(string pool) => For(pool, "UserPoolId");

    public static string ClientId(string client) => For(client, "ClientId");

    private static string For(string resourceName, string suffix)
    {
        var id = new StringBuilder(resourceName.Length + suffix.Length);
        foreach (var c in resourceName)
        {
            if (char.IsAsciiLetterOrDigit(c))
                id.Append(c);
        }
        return id.Append(suffix).ToString();
    }
}
