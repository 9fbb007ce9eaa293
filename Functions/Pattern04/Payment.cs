using System.Text.Json.Serialization;

namespace Functions.Pattern04;

/// <summary>A payment message on PaymentQueue.</summary>
/// <param name="SimulateFailure">
/// The failure drill's poison shape: PaymentProcessor fails such a payment every time, so it
/// reaches PaymentQueue-DLQ after maxReceiveCount receives. Left out of ordinary messages.
/// </param>
public sealed record Payment(
    [property: JsonPropertyName("paymentId")] string PaymentId,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("customerId")] string CustomerId,
    [property: JsonPropertyName("simulateFailure"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool SimulateFailure = false);
