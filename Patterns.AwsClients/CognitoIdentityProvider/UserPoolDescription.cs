using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>A user pool as ListUserPools lists it.</summary>
public sealed record UserPoolDescription
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Status { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreationDate { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastModifiedDate { get; init; }
}
