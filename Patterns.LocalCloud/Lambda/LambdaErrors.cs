using Patterns.LocalCloud.Edge;

namespace Patterns.LocalCloud.Lambda;

/// <summary>Every error the local Lambda service answers with, worded and coded as AWS does.</summary>
internal static class LambdaErrors
{
    public static AwsServiceException FunctionNotFound(string arn) =>
        new(404, "ResourceNotFoundException", $"Function not found: {arn}");

    public static AwsServiceException FunctionExists(string name) =>
        new(409, "ResourceConflictException", $"Function already exist: {name}");

    public static AwsServiceException InvalidFunctionName(string reference) =>
        new(400, "ValidationException", $"1 validation error detected: Value '{reference}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{{2}}(-gov)?-[a-z]+-\\d{{1}}:)?(\\d{{12}}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

    public static AwsServiceException InvalidParameter(string message) =>
        new(400, "InvalidParameterValueException", message);

    public static AwsServiceException Validation(string message) =>
        new(400, "ValidationException", message);

    public static AwsServiceException UnsupportedQualifier(string qualifier) =>
        new(404, "ResourceNotFoundException", $"Function not found for qualifier '{qualifier}': the local Lambda service serves $LATEST only (publish-version and aliases are not supported locally).");

    public static AwsServiceException InvalidRequestContent(string detail) =>
        new(400, "InvalidRequestContentException", $"Could not parse request body into json: {detail}");

    public static AwsServiceException RequestTooLarge(int limit) =>
        new(413, "RequestEntityTooLargeException", $"Request must be smaller than {limit} bytes for the InvokeFunction operation");

    public static AwsServiceException PolicyStatementExists(string statementId) =>
        new(409, "ResourceConflictException", $"The statement id ({statementId}) provided already exists. Please provide a new statement id, or remove the existing statement.");

    public static AwsServiceException PolicyNotFound(string arn) =>
        new(404, "ResourceNotFoundException", $"The resource you requested does not exist. No policy is associated with the given resource: {arn}");

    public static AwsServiceException StatementNotFound(string statementId) =>
        new(404, "ResourceNotFoundException", $"Statement {statementId} is not found in resource policy.");

    public static AwsServiceException UnknownOperation(string method, string path) =>
        new(404, "UnknownOperationException", $"The local Lambda service does not implement {method} {path}.");

    public static AwsServiceException UnsupportedRuntime(string runtime) =>
        new(400, "InvalidParameterValueException",
            $"The runtime parameter of {runtime} is not supported locally. Functions run here as custom runtimes: use provided.al2023 (or provided.al2) with a bootstrap executable.");

    public static AwsServiceException CodeDirectoryMissing(string directory) =>
        new(400, "InvalidParameterValueException",
            $"The code directory '{directory}' (S3Bucket \"hot-reload\") does not exist or has no bootstrap executable. Build the Functions project (dotnet build Functions) or point S3Key at a directory holding a bootstrap.");

    // Function errors reported by the platform itself, in the shape runtimes use.
    public static string TimedOut(string requestId, int timeoutSeconds) =>
        $"RequestId: {requestId} Error: Task timed out after {timeoutSeconds:0.00} seconds";

    public static string RuntimeExited(string requestId, int? exitCode) =>
        exitCode is { } code
            ? $"RequestId: {requestId} Error: Runtime exited with error: exit status {code}"
            : $"RequestId: {requestId} Error: Runtime exited without providing a reason";
}
