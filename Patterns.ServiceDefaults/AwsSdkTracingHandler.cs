using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Patterns.ServiceDefaults;

/// <summary>
/// A CLIENT span per AWS SDK call, named and attributed as OpenTelemetry's AWS SDK semantic
/// conventions say (<c>DynamoDB.PutItem</c>, rpc.system aws-api), with the W3C traceparent of
/// the span added to the outgoing request.
/// </summary>
internal sealed class AwsSdkTracingHandler(ActivitySource source) : PipelineHandler
{
    /// <summary>The TableName property of each DynamoDB request type, looked up once per type.</summary>
    private readonly ConcurrentDictionary<Type, PropertyInfo?> tableNameProperties = new();

    public override void InvokeSync(IExecutionContext executionContext)
    {
        using var activity = Start(executionContext);
        try
        {
            base.InvokeSync(executionContext);
            Complete(activity, executionContext);
        }
        catch (Exception exception)
        {
            Fail(activity, exception);
            throw;
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        using var activity = Start(executionContext);
        try
        {
            var result = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            Complete(activity, executionContext);
            return result;
        }
        catch (Exception exception)
        {
            Fail(activity, exception);
            throw;
        }
    }

    private Activity? Start(IExecutionContext executionContext)
    {
        if (!source.HasListeners())
        {
            return null;
        }

        var request = executionContext.RequestContext;
        var service = request.ClientConfig.ServiceId ?? request.ServiceMetaData?.ServiceId ?? "AWS";
        var operation = OperationName(request.RequestName);
        var activity = source.StartActivity($"{service}.{operation}", ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("rpc.system", "aws-api");
        activity.SetTag("rpc.service", service);
        activity.SetTag("rpc.method", operation);
        activity.SetTag("cloud.region", request.ClientConfig.RegionEndpoint?.SystemName ?? request.ClientConfig.AuthenticationRegion);
        if (service == "DynamoDB" && TableName(request.OriginalRequest) is { } table)
        {
            activity.SetTag("aws.dynamodb.table_names", new[] { table });
        }

        // W3C trace context on the wire, so whatever serves the call can continue this trace.
        request.Request.Headers["traceparent"] = $"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-{(activity.Recorded ? "01" : "00")}";
        return activity;
    }

    private static void Complete(Activity? activity, IExecutionContext executionContext)
    {
        if (activity is null)
        {
            return;
        }

        if (executionContext.ResponseContext.HttpResponse is { } response)
        {
            activity.SetTag("http.response.status_code", (int)response.StatusCode);
        }

        if (executionContext.ResponseContext.Response?.ResponseMetadata?.RequestId is { Length: > 0 } requestId)
        {
            activity.SetTag("aws.request_id", requestId);
        }
    }

    private static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        if (exception is AmazonServiceException service)
        {
            activity.SetTag("http.response.status_code", (int)service.StatusCode);
            activity.SetTag("aws.request_id", service.RequestId);
            activity.SetTag("error.type", service.ErrorCode ?? exception.GetType().FullName);
        }
        else
        {
            activity.SetTag("error.type", exception.GetType().FullName);
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.AddException(exception);
    }

    /// <summary>"PutItemRequest" → "PutItem".</summary>
    private static string OperationName(string requestName) =>
        requestName.EndsWith("Request", StringComparison.Ordinal) ? requestName[..^"Request".Length] : requestName;

    private string? TableName(AmazonWebServiceRequest request) =>
        tableNameProperties.GetOrAdd(request.GetType(), type => type.GetProperty("TableName", typeof(string)))?.GetValue(request) as string;
}
