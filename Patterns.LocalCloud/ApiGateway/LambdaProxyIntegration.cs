using System.Text;
using System.Text.Json.Nodes;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// The AWS_PROXY integration: invokes the function with the proxy event and maps its response.
/// As in AWS: an invoke Lambda rejects (unknown function, throttling) is a 500, a function error
/// or malformed response a 502, no answer within the integration timeout a 504; the client sees
/// only API Gateway's generic message, the local cloud log says why.
/// </summary>
internal sealed class LambdaProxyIntegration(ILambdaInvoker lambda, LocalCloudOptions options, ExecutionLog log)
{
    /// <param name="authorizer">What the method's authorizer passes on as requestContext.authorizer; null without one.</param>
    public async Task<ApiResponse> InvokeAsync(ApiRequest request, RouteMatch match, DeployedApi api, RequestIdentity ids, JsonObject? authorizer, CancellationToken cancellationToken)
    {
        var integration = match.Method.Integration!;
        var functionArn = LambdaIntegrationUri.FunctionArn(integration.Uri, api.StageVariables);
        if (functionArn is null)
        {
            log.Write(request, $"the AWS_PROXY integration's uri '{integration.Uri}' is not a Lambda invocation URI (arn:aws:apigateway:{{region}}:lambda:path/2015-03-31/functions/{{functionArn}}/invocations); fix it with PutIntegration.");
            return GatewayResponses.InternalServerError(500);
        }
        if (!string.Equals(integration.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
        {
            log.Write(request, $"the AWS_PROXY integration uses integrationHttpMethod '{integration.HttpMethod}'; Lambda is invoked only with POST. Fix it with PutIntegration --integration-http-method POST.");
            return GatewayResponses.InternalServerError(500);
        }

        var invocation = lambda.InvokeAsync(
            new InvocationRequest(functionArn, ProxyEventBuilder.Build(request, match, api, ids, options.AccountId, authorizer)) { TraceHeader = ids.TraceHeader },
            cancellationToken);
        InvocationResult result;
        try
        {
            result = await invocation.WaitAsync(integration.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            log.Write(request, $"function {functionArn} did not answer within the integration timeout of {integration.Timeout.TotalMilliseconds:0} ms; the client got 504. The invocation runs on, as in AWS.");
            ReportLateFailure(request, functionArn, invocation);
            return GatewayResponses.EndpointRequestTimedOut();
        }
        catch (AwsServiceException exception)
        {
            log.Write(request, $"Lambda rejected the invocation of {functionArn}: {exception.ErrorCode}: {exception.Message}");
            return GatewayResponses.InternalServerError(500);
        }

        if (result.FunctionError is not null)
        {
            log.Write(request, $"function {functionArn} failed ({result.FunctionError}): {Preview(result.Payload)}");
            return GatewayResponses.InternalServerError(502);
        }

        var decodeBinary = MediaTypeMatcher.IsBinary(MediaTypeMatcher.FirstAccepted(request.Header("Accept")), api.BinaryMediaTypes);
        var mapping = ProxyResponseMapper.Map(result.Payload, decodeBinary);
        if (mapping.Response is { } response)
            return response;
        log.Write(request, $"Malformed Lambda proxy response from {functionArn}: {mapping.Problem}. The response was: {Preview(result.Payload)}");
        return GatewayResponses.InternalServerError(mapping.FailureStatusCode);
    }

    private void ReportLateFailure(ApiRequest request, string functionArn, Task<InvocationResult> invocation) =>
        _ = invocation.ContinueWith(
            failed => log.Write(request, $"the timed-out invocation of {functionArn} failed later: {failed.Exception?.GetBaseException().Message}"),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);

    private static string Preview(ReadOnlyMemory<byte> payload)
    {
        var text = Encoding.UTF8.GetString(payload.Span);
        return text.Length <= 1000 ? text : text[..1000] + "…";
    }
}
