using System.Text.Json;
using Patterns.LocalCloud.Lambda.Functions;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Lambda;

/// <summary>
/// Asynchronous invocation (InvocationType Event): accepted at once, run in the background, a
/// function error retried as the function's event invoke config says (AWS: twice, after about one
/// and two minutes), then sent to the function's dead-letter queue if it has one. An event that
/// fails every attempt without a DLQ is reported in the local cloud's log, as AWS discards it.
/// </summary>
internal sealed class AsyncInvoker(ILambdaInvoker invoker, FunctionRegistry registry, MotoClient moto, LocalCloudOptions options) : IAsyncDisposable
{
    private readonly BackgroundWork _work = new();

    public string Enqueue(InvocationRequest request)
    {
        var requestId = Guid.NewGuid().ToString();
        var accepted = DateTimeOffset.UtcNow;
        _work.Run(() => RunAsync(request, requestId, accepted));
        return requestId;
    }

    private async Task RunAsync(InvocationRequest request, string requestId, DateTimeOffset accepted)
    {
        var token = _work.Stopping;
        InvocationResult? last = null;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var function = registry.Get(request.FunctionName, request.Qualifier);
                last = await invoker.InvokeAsync(request, token).ConfigureAwait(false);
                if (last.FunctionError is null)
                    return;
                var config = function.AsyncConfig;
                if (attempt >= config.MaximumRetryAttempts)
                    break;
                var delay = options.AsyncRetryDelays.Count == 0
                    ? TimeSpan.Zero
                    : options.AsyncRetryDelays[Math.Min(attempt, options.AsyncRetryDelays.Count - 1)];
                if (DateTimeOffset.UtcNow + delay - accepted > TimeSpan.FromSeconds(config.MaximumEventAgeInSeconds))
                    break;
                await Task.Delay(delay, token).ConfigureAwait(false);
            }
            await DeadLetterAsync(request, requestId, last, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            options.Log?.WriteLine($"Asynchronous invocation {requestId} of {request.FunctionName} was abandoned: the local cloud stopped.");
        }
        catch (Exception exception) when (exception is Edge.AwsServiceException or MotoCallException or HttpRequestException)
        {
            options.Log?.WriteLine($"Asynchronous invocation {requestId} of {request.FunctionName} failed: {exception.Message}");
        }
    }

    private async Task DeadLetterAsync(InvocationRequest request, string requestId, InvocationResult? result, CancellationToken token)
    {
        var function = registry.Get(request.FunctionName, request.Qualifier).Definition;
        var (errorCode, errorMessage) = Describe(result);
        if (function.DeadLetterTargetArn is not { } target)
        {
            options.Log?.WriteLine($"{function.Name}: asynchronous event {requestId} failed every attempt ({errorCode}: {errorMessage}) and was discarded; configure a DeadLetterConfig to keep such events.");
            return;
        }
        var arn = target.Split(':');
        if (arn is not ["arn", _, "sqs", _, _, var queueName])
        {
            options.Log?.WriteLine($"{function.Name}: dead-letter target {target} is not an SQS queue; only SQS dead-letter queues are delivered locally. Event {requestId} was discarded.");
            return;
        }
        var queueUrl = (await moto.CallJsonAsync("sqs", "AmazonSQS.GetQueueUrl", new { QueueName = queueName }, token).ConfigureAwait(false))?["QueueUrl"]?.GetValue<string>()
            ?? throw new MotoCallException("GetQueueUrl", 200, "no QueueUrl");
        await moto.CallJsonAsync("sqs", "AmazonSQS.SendMessage", new
        {
            QueueUrl = queueUrl,
            MessageBody = System.Text.Encoding.UTF8.GetString(request.Payload.Span),
            MessageAttributes = new Dictionary<string, object>
            {
                ["RequestID"] = new { DataType = "String", StringValue = requestId },
                ["ErrorCode"] = new { DataType = "Number", StringValue = "200" },
                ["ErrorMessage"] = new { DataType = "String", StringValue = errorMessage },
            },
        }, token).ConfigureAwait(false);
    }

    private static (string Code, string Message) Describe(InvocationResult? result)
    {
        if (result is null)
            return ("Unknown", "no attempt completed");
        try
        {
            using var error = JsonDocument.Parse(result.Payload);
            var root = error.RootElement;
            return (root.TryGetProperty("errorType", out var type) ? type.ToString() : "Unhandled",
                root.TryGetProperty("errorMessage", out var message) ? message.ToString() : System.Text.Encoding.UTF8.GetString(result.Payload.Span));
        }
        catch (JsonException)
        {
            return ("Unhandled", System.Text.Encoding.UTF8.GetString(result.Payload.Span));
        }
    }

    public ValueTask DisposeAsync() => _work.DisposeAsync();
}
