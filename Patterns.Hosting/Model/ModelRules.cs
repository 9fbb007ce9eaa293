using System.Text.RegularExpressions;

namespace Patterns.Hosting.Model;

/// <summary>
/// The AWS limits a model is checked against when it is declared, so that a mistake is named
/// where it is made rather than by a failed deployment.
/// </summary>
internal static partial class ModelRules
{
    public static readonly IReadOnlySet<string> HttpMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY",
    };

    // Lambda refuses these as function environment variables: the runtime sets them.
    private static readonly HashSet<string> ReservedVariables = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    public static void TableName(string name) =>
        Require(TableNamePattern().IsMatch(name), $"Table name '{name}' is not valid: DynamoDB table names are 3 to 255 letters, digits, '_', '-' or '.'.");

    public static void AttributeName(string table, string name) =>
        Require(name.Length is >= 1 and <= 255, $"Table {table}: a key attribute name must be 1 to 255 characters; it was '{name}'.");

    public static void FunctionName(string name) =>
        Require(FunctionNamePattern().IsMatch(name), $"Function name '{name}' is not valid: Lambda function names are 1 to 64 letters, digits, '-' or '_'.");

    public static void Handler(string function, string handler) =>
        Require(HandlerPattern().IsMatch(handler),
            $"Function {function}: handler '{handler}' is not in the Assembly::Namespace.Type::Method form, e.g. Functions::Functions.Pattern01.HelloServerless::HandleAsync.");

    public static void Timeout(string function, TimeSpan timeout) =>
        Require(timeout >= TimeSpan.FromSeconds(1) && timeout <= TimeSpan.FromMinutes(15) && timeout.Ticks % TimeSpan.TicksPerSecond == 0,
            $"Function {function}: timeout {timeout} is not valid: Lambda timeouts are whole seconds from 1 to 900.");

    public static void MemorySize(string function, int megabytes) =>
        Require(megabytes is >= 128 and <= 10240, $"Function {function}: memory size {megabytes} MB is not valid: Lambda allows 128 to 10240 MB.");

    public static void EnvironmentVariable(string function, string variable)
    {
        Require(VariablePattern().IsMatch(variable),
            $"Function {function}: environment variable name '{variable}' is not valid: use a letter followed by letters, digits or '_'.");
        Require(!ReservedVariables.Contains(variable),
            $"Function {function}: environment variable {variable} is reserved; Lambda sets it itself. Choose another name.");
    }

    public static void RestApiName(string name) =>
        Require(name.Length is >= 1 and <= 1024 && !string.IsNullOrWhiteSpace(name), $"REST API name '{name}' is not valid: it must be 1 to 1024 characters and not blank.");

    public static void StageName(string api, string stage) =>
        Require(StagePattern().IsMatch(stage), $"REST API {api}: stage name '{stage}' is not valid: use 1 to 128 letters, digits or '_'.");

    public static void Route(string api, string method, string path)
    {
        Require(HttpMethods.Contains(method), $"REST API {api}: method '{method}' is not one of {string.Join(", ", HttpMethods)}.");
        Require(path.StartsWith('/') && (path == "/" || !path.EndsWith('/')),
            $"REST API {api}: route path '{path}' must start with '/' and not end with one, e.g. /products or /products/{{id}}.");
        var segments = path == "/" ? [] : path[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var greedy = segment.StartsWith('{') && segment.EndsWith("+}", StringComparison.Ordinal);
            Require(PathPartPattern().IsMatch(segment),
                $"REST API {api}: route path '{path}' has the invalid part '{segment}': use letters, digits, '-', '_', '.', a {{parameter}} or a last {{proxy+}}.");
            Require(!greedy || i == segments.Length - 1, $"REST API {api}: route path '{path}' has a greedy {segment} that is not its last part.");
        }
    }

    public static void Authorizer(string api, ApiAuthorizer authorizer)
    {
        Require(authorizer.Name.Length is >= 1 and <= 128 && !string.IsNullOrWhiteSpace(authorizer.Name), $"REST API {api}: an authorizer name must be 1 to 128 characters and not blank.");
        Require(VariablePattern().IsMatch(authorizer.Header.Replace('-', '_')), $"REST API {api}: authorizer {authorizer.Name}'s header '{authorizer.Header}' is not a header name.");
        Require(authorizer.ResultTtl >= TimeSpan.Zero && authorizer.ResultTtl <= TimeSpan.FromHours(1) && authorizer.ResultTtl.Ticks % TimeSpan.TicksPerSecond == 0,
            $"REST API {api}: authorizer {authorizer.Name}'s result TTL {authorizer.ResultTtl} is not valid: API Gateway allows whole seconds from 0 to 3600.");
        if (authorizer.ValidationExpression is { } expression)
        {
            try
            {
                _ = new Regex(expression);
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException($"REST API {api}: authorizer {authorizer.Name}'s validation expression is not a regular expression: {exception.Message}", exception);
            }
        }
    }

    public static void FilterPolicy(string topic, string policy)
    {
        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(policy) is System.Text.Json.Nodes.JsonObject { Count: > 0 })
                return;
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ArgumentException($"Topic {topic}: the filter policy is not JSON ({exception.Message}).", nameof(policy), exception);
        }
        throw new ArgumentException($"Topic {topic}: a filter policy is a non-empty JSON object, e.g. {{\"type\": [\"order\"]}}.", nameof(policy));
    }

    public static void UserPoolName(string name) =>
        Require(CognitoNamePattern().IsMatch(name), $"User pool name '{name}' is not valid: Cognito allows 1 to 128 letters, digits, spaces or + = , . @ -.");

    public static void UserPoolClientName(string name) =>
        Require(CognitoNamePattern().IsMatch(name), $"User pool client name '{name}' is not valid: Cognito allows 1 to 128 letters, digits, spaces or + = , . @ -.");

    public static void EventBusName(string name)
    {
        Require(EventBusNamePattern().IsMatch(name), $"Event bus name '{name}' is not valid: EventBridge allows 1 to 256 letters, digits, '.', '-', '_' or '/'.");
        Require(name != "default", "The default event bus exists in every account; declare custom buses only (rules may still name it).");
    }

    public static void RuleName(string name) =>
        Require(RuleNamePattern().IsMatch(name), $"Rule name '{name}' is not valid: EventBridge allows 1 to 64 letters, digits, '.', '-' or '_'.");

    public static void EventPattern(string rule, string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        System.Text.Json.Nodes.JsonNode? parsed;
        try
        {
            parsed = System.Text.Json.Nodes.JsonNode.Parse(pattern);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ArgumentException($"Rule {rule}: the event pattern is not JSON ({exception.Message}).", nameof(pattern), exception);
        }
        Require(parsed is System.Text.Json.Nodes.JsonObject { Count: > 0 },
            $"Rule {rule}: an event pattern is a non-empty JSON object, e.g. {{\"source\": [\"ecommerce.orders\"]}}.");
    }

    public static void QueueName(string name) =>
        Require(QueueNamePattern().IsMatch(name) && !name.EndsWith(".fifo", StringComparison.Ordinal),
            $"Queue name '{name}' is not valid: SQS allows 1 to 80 letters, digits, '-' or '_' (FIFO queues are not modelled yet).");

    public static void TopicName(string name) =>
        Require(TopicNamePattern().IsMatch(name), $"Topic name '{name}' is not valid: SNS allows 1 to 256 letters, digits, '-' or '_' (FIFO topics are not modelled yet).");

    public static void BucketName(string name) =>
        Require(BucketNamePattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal),
            $"Bucket name '{name}' is not valid: S3 allows 3 to 63 lowercase letters, digits, '.' or '-', starting and ending with a letter or digit.");

    public static void VisibilityTimeout(string queue, TimeSpan timeout) =>
        Require(timeout >= TimeSpan.Zero && timeout <= TimeSpan.FromHours(12) && timeout.Ticks % TimeSpan.TicksPerSecond == 0,
            $"Queue {queue}: visibility timeout {timeout} is not valid: SQS allows whole seconds from 0 to 43200 (12 hours).");

    public static void MaxReceiveCount(string queue, int count) =>
        Require(count is >= 1 and <= 1000, $"Queue {queue}: maxReceiveCount {count} is not valid: SQS allows 1 to 1000.");

    public static void BatchSize(string function, int batchSize, TimeSpan window)
    {
        Require(window >= TimeSpan.Zero && window <= TimeSpan.FromMinutes(5) && window.Ticks % TimeSpan.TicksPerSecond == 0,
            $"Function {function}: batching window {window} is not valid: Lambda allows whole seconds from 0 to 300.");
        Require(batchSize is >= 1 and <= 10000, $"Function {function}: batch size {batchSize} is not valid: Lambda allows 1 to 10000 for SQS.");
        Require(batchSize <= 10 || window > TimeSpan.Zero,
            $"Function {function}: a batch size of {batchSize} needs a batching window of at least 1 second; Lambda allows more than 10 messages per batch only with one.");
    }

    public static void S3Event(string bucket, string eventType) =>
        Require(S3EventPattern().IsMatch(eventType),
            $"Bucket {bucket}: '{eventType}' is not an S3 event type such as s3:ObjectCreated:*, s3:ObjectCreated:Put or s3:ObjectRemoved:Delete.");

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ArgumentException(message);
    }

    [GeneratedRegex(@"^[\w\s+=,.@-]{1,128}$")]
    private static partial Regex CognitoNamePattern();

    [GeneratedRegex("^[a-zA-Z0-9._/-]{1,256}$")]
    private static partial Regex EventBusNamePattern();

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,64}$")]
    private static partial Regex RuleNamePattern();

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,80}$")]
    private static partial Regex QueueNamePattern();

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,256}$")]
    private static partial Regex TopicNamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketNamePattern();

    [GeneratedRegex("^s3:(ObjectCreated|ObjectRemoved|ObjectRestore|ObjectTagging|ObjectAcl|LifecycleExpiration|LifecycleTransition|IntelligentTiering|Replication|ReducedRedundancyLostObject):([A-Za-z]+|\\*)$")]
    private static partial Regex S3EventPattern();

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex FunctionNamePattern();

    [GeneratedRegex(@"^[^:\s]+::[^:\s]+\.[^:\s]+::[^:\s]+$")]
    private static partial Regex HandlerPattern();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]*$")]
    private static partial Regex VariablePattern();

    [GeneratedRegex("^[a-zA-Z0-9_]{1,128}$")]
    private static partial Regex StagePattern();

    [GeneratedRegex(@"^([a-zA-Z0-9._-]+|\{[a-zA-Z0-9._-]+\+?\})$")]
    private static partial Regex PathPartPattern();
}
