using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

/// <param name="TraceEnvironment">The <c>_X_AMZN_TRACE_ID</c> variable during the invocation.</param>
public sealed record ContextResponse(
    [property: JsonPropertyName("awsRequestId")] string AwsRequestId,
    [property: JsonPropertyName("functionName")] string FunctionName,
    [property: JsonPropertyName("functionVersion")] string FunctionVersion,
    [property: JsonPropertyName("invokedFunctionArn")] string InvokedFunctionArn,
    [property: JsonPropertyName("memoryLimitInMB")] int MemoryLimitInMB,
    [property: JsonPropertyName("logGroupName")] string LogGroupName,
    [property: JsonPropertyName("logStreamName")] string LogStreamName,
    [property: JsonPropertyName("remainingTimeMs")] long RemainingTimeMs,
    [property: JsonPropertyName("traceId")] string? TraceId,
    [property: JsonPropertyName("traceEnvironment")] string? TraceEnvironment,
    [property: JsonPropertyName("clientContext")] string? ClientContext,
    [property: JsonPropertyName("cognitoIdentity")] string? CognitoIdentity);
