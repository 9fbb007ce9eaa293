namespace Patterns.AwsClients.EventBridge;

/// <summary>PutRule's output.</summary>
public sealed record PutRuleResponse
{
    public string RuleArn { get; init; } = "";
}
