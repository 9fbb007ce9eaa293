using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using Functions.Runtime;
using Patterns.ServiceDefaults;

namespace Functions.Pattern04;

/// <summary>
/// Pattern 4's producer, <c>Functions::Functions.Pattern04.PaymentProducer::HandleAsync</c>:
/// <c>{"count": 10}</c> sends ten payments to the queue in QUEUE_URL (amounts 10, 15.5, 21, …,
/// customers cust-001, cust-002, …) and answers with their ids. <c>"simulateFailure": true</c>
/// marks them as the failure drill's poison payments.
/// </summary>
public sealed class PaymentProducer
{
    public const string QueueUrlVariable = "QUEUE_URL";
    private const int MaxCount = 10_000;
    private const int SendBatchLimit = 10;

    private readonly IAmazonSQS sqs;
    private readonly string queueUrl;

    public PaymentProducer()
        : this(new AmazonSQSClient(AwsClientDefaults.Configure(new AmazonSQSConfig())), RequiredVariable(QueueUrlVariable))
    {
    }

    internal PaymentProducer(IAmazonSQS sqs, string queueUrl)
    {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public async Task<ProducerResult> HandleAsync(JsonElement request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (count, simulateFailure) = ReadRequest(request);
        var payments = Enumerable.Range(0, count)
            .Select(i => new Payment(
                Guid.NewGuid().ToString()[..8],
                Math.Round(10 + (i * 5.5m), 2),
                string.Create(CultureInfo.InvariantCulture, $"cust-{i + 1:000}"),
                simulateFailure))
            .ToList();

        using var timeout = new CancellationTokenSource(context.RemainingTime);
        // Ten to a request: what the seed's loop of send_message calls does, in a tenth of the round trips.
        foreach (var chunk in payments.Chunk(SendBatchLimit))
        {
            var response = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. chunk.Select(p => new SendMessageBatchRequestEntry(p.PaymentId, JsonSerializer.Serialize(p, FunctionsJsonContext.Default.Payment)))],
            }, timeout.Token);
            if (response.Failed is { Count: > 0 } failed)
                throw new InvalidOperationException(
                    $"SQS refused {failed.Count} of {chunk.Length} payments ({string.Join("; ", failed.Select(f => $"{f.Id}: {f.Code} {f.Message}"))}); the others were sent.");
        }

        context.Logger.LogLine($"Sent {count} payment messages to SQS");
        return new ProducerResult(200, [.. payments.Select(p => p.PaymentId)]);
    }

    private static (int Count, bool SimulateFailure) ReadRequest(JsonElement request)
    {
        if (request.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return (5, false);
        if (request.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"The event must be a JSON object such as {{\"count\": 10}}; got {request.ValueKind}.");
        var count = 5;
        if (request.TryGetProperty("count", out var value) && value.ValueKind != JsonValueKind.Null
            && (!value.TryGetInt32(out count) || count is < 1 or > MaxCount))
            throw new ArgumentException($"count must be a whole number from 1 to {MaxCount}; got {value.GetRawText()}.");
        var simulateFailure = request.TryGetProperty("simulateFailure", out var flag) && flag.ValueKind == JsonValueKind.True;
        return (count, simulateFailure);
    }

    private static string RequiredVariable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: PaymentProducer sends to the queue whose URL it holds (PaymentQueue in Pattern 4), as the app model sets it.");
}
