using Microsoft.AspNetCore.Http;

namespace Patterns.LocalCloud.Edge;

/// <summary>
/// Tells which AWS service a request is for, the way AWS's endpoints do: the API Gateway
/// execution paths first (they may be signed for execute-api or not at all), then the SigV4
/// credential scope, then the JSON protocol's X-Amz-Target, then service-specific paths.
/// </summary>
internal static class ServiceResolver
{
    public const string ExecuteApi = "execute-api";
    public const string Lambda = "lambda";
    public const string Unknown = "";

    private static readonly (string Prefix, string Service)[] TargetPrefixes =
    [
        ("DynamoDB_", "dynamodb"),
        ("DynamoDBStreams_", "dynamodb"),
        ("Logs_", "logs"),
        ("AmazonSQS", "sqs"),
        ("Kinesis_", "kinesis"),
        ("AWSEvents", "events"),
        ("AWSStepFunctions", "states"),
        ("AWSCognitoIdentityProviderService", "cognito-idp"),
        ("AmazonSSM", "ssm"),
        ("secretsmanager", "secretsmanager"),
    ];

    // Lambda's rest-json API lives under dated prefixes.
    private static readonly string[] LambdaPathPrefixes =
        ["/2015-03-31/", "/2016-08-19/", "/2017-03-31/", "/2017-10-31/", "/2018-10-31/", "/2019-09-25/", "/2019-09-30/", "/2020-04-22/", "/2020-06-30/", "/2021-10-31/"];

    public static string Resolve(HttpRequest request)
    {
        if (IsApiExecution(request))
            return ExecuteApi;

        if (CredentialScopeService(request) is { } signed)
            return signed;

        if (request.Headers["X-Amz-Target"].ToString() is { Length: > 0 } target)
        {
            foreach (var (prefix, service) in TargetPrefixes)
                if (target.StartsWith(prefix, StringComparison.Ordinal))
                    return service;
        }

        var path = request.Path.Value ?? "/";
        if (IsSnsLink(request, path))
            return "sns";
        // A browser-form upload (S3 POST Object) carries its credential inside the form, not the headers.
        if (HttpMethods.IsPost(request.Method) && request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
            return "s3";
        foreach (var prefix in LambdaPathPrefixes)
            if (path.StartsWith(prefix, StringComparison.Ordinal))
                return Lambda;

        return Unknown;
    }

    /// <summary>
    /// The links SNS puts in its messages, which subscribers follow unsigned: the signing
    /// certificate, the SubscribeURL (ConfirmSubscription) and the UnsubscribeURL.
    /// </summary>
    private static bool IsSnsLink(HttpRequest request, string path) =>
        path.StartsWith("/SimpleNotificationService-", StringComparison.Ordinal)
        || (path == "/" && request.Query["Action"].ToString() is "ConfirmSubscription" or "Unsubscribe");

    /// <summary>
    /// /restapis/{id}/{stage}/_user_request_/…, /_aws/execute-api/{id}/{stage}/… or a host
    /// named {id}.execute-api.….
    /// </summary>
    public static bool IsApiExecution(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/_aws/execute-api/", StringComparison.Ordinal))
            return true;
        if (path.StartsWith("/restapis/", StringComparison.Ordinal))
        {
            var segments = path.Split('/', 6);
            return segments.Length >= 5 && segments[4] == "_user_request_";
        }
        return request.Host.Host.Contains(".execute-api.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The service of "Credential=AKID/date/region/service/aws4_request", from the header or a presigned URL.</summary>
    public static string? CredentialScopeService(HttpRequest request)
    {
        var credential = request.Query["X-Amz-Credential"].ToString();
        if (credential.Length == 0)
        {
            var authorization = request.Headers.Authorization.ToString();
            var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
            if (start < 0)
                return null;
            start += "Credential=".Length;
            var end = authorization.IndexOfAny([',', ' '], start);
            credential = end < 0 ? authorization[start..] : authorization[start..end];
        }
        var parts = credential.Split('/');
        return parts.Length == 5 && parts[4] == "aws4_request" ? parts[3] : null;
    }
}
