using System.Text.Json;
using Functions.Runtime;

namespace Functions.Pattern04;

/// <summary>
/// Pattern 4's consumer, <c>Functions::Functions.Pattern04.PaymentProcessor::Handle</c>, given
/// batches of PaymentQueue's messages. It answers with a partial batch response: a message
/// that is not a payment, a poison payment (<c>"simulateFailure": true</c>) and, while the
/// function's FAIL_PAYMENTS variable is <c>true</c>, every payment fails alone and returns to
/// the queue, to reach PaymentQueue-DLQ after its third receive. This is the seed's failure drill
/// without editing code.
/// </summary>
public sealed class PaymentProcessor
{
    public const string FailPaymentsVariable = "FAIL_PAYMENTS";

    private readonly bool failEverything;

    public PaymentProcessor()
        : this(string.Equals(Environment.GetEnvironmentVariable(FailPaymentsVariable), "true", StringComparison.OrdinalIgnoreCase))
    {
    }

    internal PaymentProcessor(bool failEverything) => this.failEverything = failEverything;

    public ProcessorResult Handle(JsonElement @event, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (@event.ValueKind != JsonValueKind.Object || !@event.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
            throw new ArgumentException("The event has no Records array: PaymentProcessor expects SQS batches from its event source mapping.");

        var failures = new List<BatchItemFailure>();
        var processed = 0;
        foreach (var record in records.EnumerateArray())
        {
            var messageId = record.GetProperty("messageId").GetString()!;
            if (Problem(record, out var payment) is { } problem)
            {
                context.Logger.LogLine($"Payment message {messageId} failed: {problem}");
                failures.Add(new BatchItemFailure(messageId));
                continue;
            }
            context.Logger.LogLine($"Processing payment {payment.PaymentId} for ${payment.Amount} from {payment.CustomerId}");
            processed++;
        }

        context.Logger.LogLine(failures.Count == 0
            ? $"Batch complete: {processed} payments processed"
            : $"Batch complete: {processed} payments processed, {failures.Count} failed and left on the queue");
        return new ProcessorResult(processed, failures);
    }

    private string? Problem(JsonElement record, out Payment payment)
    {
        payment = null!;
        try
        {
            payment = JsonSerializer.Deserialize(record.GetProperty("body").GetString() ?? "null", FunctionsJsonContext.Default.Payment)!;
        }
        catch (JsonException exception)
        {
            return $"the body is not a payment ({exception.Message})";
        }
        if (payment is null || string.IsNullOrEmpty(payment.PaymentId) || string.IsNullOrEmpty(payment.CustomerId))
            return "the body is not a payment (paymentId, amount and customerId are required)";
        if (payment.SimulateFailure)
            return $"payment {payment.PaymentId} is marked simulateFailure (the failure drill)";
        if (failEverything)
            return $"{FailPaymentsVariable} is true (the failure drill): every payment fails";
        return null;
    }
}
