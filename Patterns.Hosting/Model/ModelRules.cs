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

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ArgumentException(message);
    }

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
