using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>A user as AdminCreateUser returns it.</summary>
public sealed record User
{
    public string Username { get; init; } = "";

    public IReadOnlyList<UserAttribute> Attributes { get; init; } = [];

    public bool Enabled { get; init; }

    /// <summary>FORCE_CHANGE_PASSWORD, CONFIRMED, UNCONFIRMED, RESET_REQUIRED, ARCHIVED, …</summary>
    public string? UserStatus { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? UserCreateDate { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? UserLastModifiedDate { get; init; }

    /// <summary>The value of an attribute; null when the user has none of that name.</summary>
    public string? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name)?.Value;
}
