namespace Functions.Pattern04;

/// <summary>PaymentProducer's answer: {"statusCode": 200, "sent": [paymentId, …]}.</summary>
public sealed record ProducerResult(int StatusCode, IReadOnlyList<string> Sent);
