namespace Patterns.AwsClients.EventBridge;

/// <summary>
/// PutRule's input: creates the rule or replaces its settings (a member left null is reset, as
/// in EventBridge). A rule has an <see cref="EventPattern"/>, a <see cref="ScheduleExpression"/>
/// (default bus only), or both.
/// </summary>
public sealed record PutRuleRequest(string Name)
{
    /// <summary>A bus name or ARN; null = the default bus.</summary>
    public string? EventBusName { get; init; }

    /// <summary>The JSON event pattern, e.g. {"source":["orders"],"detail-type":["OrderPlaced"]}.</summary>
    public string? EventPattern { get; init; }

    /// <summary>rate(5 minutes) or cron(0 12 * * ? *).</summary>
    public string? ScheduleExpression { get; init; }

    /// <summary>ENABLED (the default), DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.</summary>
    public string? State { get; init; }

    public string? Description { get; init; }

    public string? RoleArn { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }
}
