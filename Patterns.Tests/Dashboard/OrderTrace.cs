using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Patterns.Tests.Dashboard;

/// <summary>
/// A request's trace as the producers will emit it, sent through real OTLP exporters from three
/// services: API Gateway's SERVER span → the Lambda service's invoke span → the function's
/// invocation span (FaaS attributes, cold start) → the function's DynamoDB CLIENT span.
/// </summary>
internal sealed record OrderTrace(string TraceId, string GatewaySpanId, string InvokeSpanId, string FunctionSpanId, string DynamoDbSpanId)
{
    public const string Gateway = "API Gateway";
    public const string Lambda = "Lambda";
    public const string Function = "HelloServerless";

    /// <param name="fail">The DynamoDB call and the invocation end in error.</param>
    /// <param name="linkTo">A span the invocation links to, as a batch consumer links to each message's producer.</param>
    /// <param name="inFunction">Runs inside the invocation span, e.g. to write its log records.</param>
    public static OrderTrace Send(Uri dashboard, bool fail = false, ActivityContext? linkTo = null, Action? inFunction = null)
    {
        var prefix = "Patterns.Tests.Dashboard." + Guid.NewGuid().ToString("N");
        using var gatewaySource = new ActivitySource(prefix + ".gateway");
        using var lambdaSource = new ActivitySource(prefix + ".lambda");
        using var functionSource = new ActivitySource(prefix + ".function");
        using var gatewayTracing = OtlpExporters.Tracing(dashboard, Gateway, gatewaySource.Name);
        using var lambdaTracing = OtlpExporters.Tracing(dashboard, Lambda, lambdaSource.Name);
        using var functionTracing = OtlpExporters.Tracing(dashboard, Function, functionSource.Name,
            new KeyValuePair<string, object>("faas.name", Function), new KeyValuePair<string, object>("cloud.provider", "aws"));

        string traceId, gatewayId, invokeId, functionId, dynamoId;
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            using (var gateway = gatewaySource.StartActivity("POST /products", ActivityKind.Server)!)
            {
                gateway.SetTag("http.request.method", "POST");
                gateway.SetTag("url.path", "/dev/products");
                gateway.SetTag("http.response.status_code", fail ? 502 : 201);
                traceId = OtlpExporters.Hex(gateway.TraceId);
                gatewayId = OtlpExporters.Hex(gateway.SpanId);
                using (var invoke = lambdaSource.StartActivity("Invoke HelloServerless", ActivityKind.Internal)!)
                {
                    invoke.SetTag("faas.invoked_name", Function);
                    invoke.SetTag("faas.invoked_provider", "aws");
                    invokeId = OtlpExporters.Hex(invoke.SpanId);
                    var links = linkTo is { } target ? new[] { new ActivityLink(target, new ActivityTagsCollection { ["messaging.message.id"] = "m-1" }) } : null;
                    using (var function = functionSource.StartActivity(ActivityKind.Server, name: "HelloServerless", links: links)!)
                    {
                        function.SetTag("faas.trigger", "http");
                        function.SetTag("faas.invocation_id", Guid.NewGuid().ToString());
                        function.SetTag("faas.coldstart", true);
                        functionId = OtlpExporters.Hex(function.SpanId);
                        inFunction?.Invoke();
                        using (var dynamo = functionSource.StartActivity("DynamoDB.PutItem", ActivityKind.Client)!)
                        {
                            dynamo.SetTag("rpc.system", "aws-api");
                            dynamo.SetTag("rpc.service", "DynamoDB");
                            dynamo.SetTag("rpc.method", "PutItem");
                            dynamo.SetTag("aws.dynamodb.table_names", new[] { "Products" });
                            dynamoId = OtlpExporters.Hex(dynamo.SpanId);
                            if (fail)
                            {
                                dynamo.SetStatus(ActivityStatusCode.Error, "ProvisionedThroughputExceededException");
                                dynamo.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = "ProvisionedThroughputExceededException" }));
                            }
                        }
                        if (fail)
                            function.SetStatus(ActivityStatusCode.Error, "Unhandled");
                    }
                }
            }
        }
        finally
        {
            Activity.Current = previous;
        }
        gatewayTracing.ForceFlush();
        lambdaTracing.ForceFlush();
        functionTracing.ForceFlush();
        return new OrderTrace(traceId, gatewayId, invokeId, functionId, dynamoId);
    }
}
