using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>A subscription as moto stores it, with the attributes delivery needs.</summary>
/// <param name="FilterPolicy">The parsed FilterPolicy; null = every message.</param>
/// <param name="DeadLetterTargetArn">The RedrivePolicy's deadLetterTargetArn (an SQS queue); null = none.</param>
internal sealed record SnsSubscription(
    string Arn,
    string TopicArn,
    string Protocol,
    string Endpoint,
    bool RawMessageDelivery,
    JsonElement? FilterPolicy,
    bool FilterOnBody,
    string? DeadLetterTargetArn);
