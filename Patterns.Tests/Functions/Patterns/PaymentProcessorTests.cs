using System.Text.Json;
using Functions.Pattern04;

namespace Patterns.Tests.Functions.Patterns;

/// <summary>PaymentProcessor processes good payments and names each failed one in its partial batch response.</summary>
public sealed class PaymentProcessorTests
{
    private static JsonElement Batch(params (string Id, string Body)[] messages) =>
        JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            Records = messages.Select(m => new { messageId = m.Id, body = m.Body, eventSource = "aws:sqs" }),
        })).RootElement;

    private static string PaymentJson(string id, decimal amount, string customer, bool poison = false) =>
        JsonSerializer.Serialize(new Payment(id, amount, customer, poison));

    [Fact]
    public void A_good_batch_is_processed_with_the_seed_lines_and_no_failures()
    {
        var logger = new RecordingLogger();
        var result = new PaymentProcessor(failEverything: false).Handle(
            Batch(("m1", PaymentJson("p1", 10m, "cust-001")), ("m2", PaymentJson("p2", 15.5m, "cust-002"))), TestContexts.Create(logger));

        Assert.Equal(2, result.Processed);
        Assert.Empty(result.BatchItemFailures);
        Assert.Equal(["Processing payment p1 for $10 from cust-001", "Processing payment p2 for $15.5 from cust-002", "Batch complete: 2 payments processed"], logger.Lines);
    }

    [Fact]
    public void Poison_and_malformed_messages_fail_alone()
    {
        var logger = new RecordingLogger();
        var result = new PaymentProcessor(failEverything: false).Handle(
            Batch(("m1", PaymentJson("p1", 10m, "cust-001")), ("m2", PaymentJson("p2", 1m, "c", poison: true)), ("m3", "not json"), ("m4", """{"amount":3}""")),
            TestContexts.Create(logger));

        Assert.Equal(1, result.Processed);
        Assert.Equal(["m2", "m3", "m4"], result.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.Equal("Batch complete: 1 payments processed, 3 failed and left on the queue", logger.Lines[^1]);
        Assert.Contains(logger.Lines, l => l.StartsWith("Payment message m2 failed: payment p2 is marked simulateFailure", StringComparison.Ordinal));
    }

    [Fact]
    public void The_fail_payments_drill_fails_every_message()
    {
        var result = new PaymentProcessor(failEverything: true).Handle(
            Batch(("m1", PaymentJson("p1", 10m, "cust-001")), ("m2", PaymentJson("p2", 2m, "cust-002"))), TestContexts.Create(new RecordingLogger()));

        Assert.Equal(0, result.Processed);
        Assert.Equal(["m1", "m2"], result.BatchItemFailures.Select(f => f.ItemIdentifier));
    }

    [Fact]
    public void The_answer_is_a_partial_batch_response_in_lambdas_field_names()
    {
        var result = new PaymentProcessor(failEverything: false).Handle(Batch(("m9", "{}")), TestContexts.Create(new RecordingLogger()));
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Equal("""{"processed":0,"batchItemFailures":[{"itemIdentifier":"m9"}]}""", json);
    }
}
