namespace Patterns.AwsClients.EventBridge;

/// <summary>
/// Where a rule sends matching events. By default the target gets the whole event; at most one
/// of <see cref="Input"/>, <see cref="InputPath"/> and <see cref="InputTransformer"/> changes that.
/// </summary>
/// <param name="Id">Unique among the rule's targets; letters, digits, '.', '-' and '_', up to 64.</param>
/// <param name="Arn">The target's ARN: a function, queue, topic, bus, state machine, ….</param>
public sealed record Target(string Id, string Arn)
{
    /// <summary>The role EventBridge assumes to reach the target (buses, Step Functions, Kinesis, …).</summary>
    public string? RoleArn { get; init; }

    /// <summary>Constant JSON sent instead of the event.</summary>
    public string? Input { get; init; }

    /// <summary>A JSON path of the event (e.g. $.detail) whose value is sent instead of the event.</summary>
    public string? InputPath { get; init; }

    public InputTransformer? InputTransformer { get; init; }

    public SqsParameters? SqsParameters { get; init; }

    public DeadLetterConfig? DeadLetterConfig { get; init; }

    public RetryPolicy? RetryPolicy { get; init; }
}
