namespace Patterns.LocalCloud.Lambda;

/// <summary>
/// Runs one synchronous invocation of a function; what the Invoke API, API Gateway and every
/// trigger use. Throws <see cref="Edge.AwsServiceException"/> for errors the Lambda API would
/// return (unknown function → 404 ResourceNotFoundException, throttling → 429
/// TooManyRequestsException); a function error is a result with <see cref="InvocationResult.FunctionError"/>.
/// </summary>
internal interface ILambdaInvoker
{
    Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken);
}
