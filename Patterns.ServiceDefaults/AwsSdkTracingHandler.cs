using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
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
    /// <summary>A named property of a request type (TableName, QueueUrl, BucketName, …), looked up once per type and name.</summary>
    private readonly ConcurrentDictionary<(Type, string), PropertyInfo?> requestProperties = new();

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
        AddResourceTags(activity, service, operation, request.OriginalRequest);

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

    /// <summary>
    /// The conventions' attributes for the resource a call is about: the table, the queue (with
    /// the messaging attributes of a send or receive), the bucket and key.
    /// </summary>
    private void AddResourceTags(Activity activity, string service, string operation, AmazonWebServiceRequest request)
    {
        switch (service)
        {
            case "DynamoDB" when Property(request, "TableName") is string table:
                activity.SetTag("aws.dynamodb.table_names", new[] { table });
                break;
            case "SQS" when Property(request, "QueueUrl") is string queueUrl:
                activity.SetTag("aws.sqs.queue.url", queueUrl);
                activity.SetTag("messaging.system", "aws_sqs");
                activity.SetTag("messaging.destination.name", queueUrl[(queueUrl.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/'));
                var operationType = operation switch
                {
                    "SendMessage" or "SendMessageBatch" => "send",
                    "ReceiveMessage" => "receive",
                    "DeleteMessage" or "DeleteMessageBatch" or "ChangeMessageVisibility" or "ChangeMessageVisibilityBatch" => "settle",
                    _ => null,
                };
                if (operationType is not null)
                {
                    activity.SetTag("messaging.operation.type", operationType);
                    activity.SetTag("messaging.operation.name", operation);
                }

                if (Property(request, "Entries") is System.Collections.ICollection entries)
                {
                    activity.SetTag("messaging.batch.message_count", entries.Count);
                }

                break;
            case "S3" when Property(request, "BucketName") is string bucket:
                activity.SetTag("aws.s3.bucket", bucket);
                if (Property(request, "Key") is string key)
                {
                    activity.SetTag("aws.s3.key", key);
                }

                break;
        }
    }

    // A natively compiled function keeps these properties through its trimmer descriptor
    // (Functions/AwsRequestProperties.xml); a property that is gone reads as absent, never as an error.
    [UnconditionalSuppressMessage("Trimming", "IL2080", Justification = "Request properties are kept by the executable's trimmer descriptor; a missing one only drops a span attribute.")]
    private object? Property(AmazonWebServiceRequest request, string name) =>
        requestProperties.GetOrAdd((request.GetType(), name), key => key.Item1.GetProperty(key.Item2))?.GetValue(request);
}
