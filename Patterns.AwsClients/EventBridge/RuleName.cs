namespace Patterns.AwsClients.EventBridge;

/// <summary>The input of the calls that name just a rule (DescribeRule, DeleteRule).</summary>
/// <param name="Force">DeleteRule only: also delete a rule another service manages.</param>
internal sealed record RuleName(string Name, string? EventBusName, bool? Force = null);
