namespace Functions.Pattern04;

/// <summary>One failed message of an SQS batch, named by its messageId.</summary>
public sealed record BatchItemFailure(string ItemIdentifier);
