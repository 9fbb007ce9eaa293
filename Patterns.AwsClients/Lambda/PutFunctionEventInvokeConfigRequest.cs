using System.Text.Json.Serialization;

namespace Patterns.AwsClients.Lambda;

/// <summary>
/// PutFunctionEventInvokeConfig's input: how asynchronous invocations of a function are retried
/// and where their outcomes go. Replaces the whole configuration (unset members are reset).
/// </summary>
public sealed record PutFunctionEventInvokeConfigRequest([property: JsonIgnore] string FunctionName)
{
    /// <summary>A version or alias; sent in the query string.</summary>
    [JsonIgnore]
    public string? Qualifier { get; init; }

    /// <summary>0–2 (default 2).</summary>
    public int? MaximumRetryAttempts { get; init; }

    /// <summary>60–21600 seconds (default 21600).</summary>
    public int? MaximumEventAgeInSeconds { get; init; }

    public DestinationConfig? DestinationConfig { get; init; }
}
