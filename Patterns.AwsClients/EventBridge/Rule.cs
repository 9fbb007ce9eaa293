namespace Patterns.AwsClients.EventBridge;

/// <summary>A rule as ListRules lists it.</summary>
public sealed record Rule
{
    public string Name { get; init; } = "";

    public string Arn { get; init; } = "";

    public string? EventPattern { get; init; }

    public string? ScheduleExpression { get; init; }

    public string? State { get; init; }

    public string? Description { get; init; }

    public string? RoleArn { get; init; }

    public string? ManagedBy { get; init; }

    public string? EventBusName { get; init; }
}
