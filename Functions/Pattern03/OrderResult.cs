namespace Functions.Pattern03;

/// <summary>What a subscriber returns: {"status": …, "orderId": …}.</summary>
public sealed record OrderResult(string Status, string OrderId);
