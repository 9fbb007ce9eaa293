namespace Functions.Pattern04;

/// <summary>
/// PaymentProcessor's answer: how many payments it processed, and the partial batch response
/// (batchItemFailures) naming the messages Lambda must not delete.
/// </summary>
public sealed record ProcessorResult(int Processed, IReadOnlyList<BatchItemFailure> BatchItemFailures);
