using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.EventBridge;

/// <summary>DescribeEventBus' output.</summary>
public sealed record DescribeEventBusResponse
{
    public string Name { get; init; } = "";

    public string Arn { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>The bus's resource policy as JSON; null when it has none.</summary>
    public string? Policy { get; init; }

    public string? KmsKeyIdentifier { get; init; }

    public DeadLetterConfig? DeadLetterConfig { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreationTime { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastModifiedTime { get; init; }
}
