using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.Lambda;

/// <summary>A function's asynchronous-invocation configuration as Lambda returns it.</summary>
public sealed record FunctionEventInvokeConfig
{
    public string FunctionArn { get; init; } = "";

    public int? MaximumRetryAttempts { get; init; }

    public int? MaximumEventAgeInSeconds { get; init; }

    public DestinationConfig? DestinationConfig { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastModified { get; init; }
}
