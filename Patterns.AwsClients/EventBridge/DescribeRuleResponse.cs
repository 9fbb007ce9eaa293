namespace Patterns.AwsClients.EventBridge;

/// <summary>DescribeRule's output.</summary>
public sealed record DescribeRuleResponse
{
    public string Name { get; init; } = "";

    public string Arn { get; init; } = "";

    public string? EventPattern { get; init; }

    public string? ScheduleExpression { get; init; }

    /// <summary>ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.</summary>
    public string? State { get; init; }

    public string? Description { get; init; }

    public string? RoleArn { get; init; }

    /// <summary>The service principal that manages the rule, for rules other services created.</summary>
    public string? ManagedBy { get; init; }

    public string? EventBusName { get; init; }

    /// <summary>The account that created the rule.</summary>
    public string? CreatedBy { get; init; }
}
