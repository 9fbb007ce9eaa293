using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>A user pool as CreateUserPool and DescribeUserPool return it (the members the app uses).</summary>
public sealed record UserPool
{
    /// <summary>{region}_{id}, e.g. us-east-1_AbC123xyz; the issuer is https://cognito-idp.{region}.amazonaws.com/{Id}.</summary>
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Arn { get; init; }

    public string? Status { get; init; }

    public UserPoolPolicies? Policies { get; init; }

    public IReadOnlyList<string>? UsernameAttributes { get; init; }

    public IReadOnlyList<string>? AliasAttributes { get; init; }

    public IReadOnlyList<string>? AutoVerifiedAttributes { get; init; }

    public string? MfaConfiguration { get; init; }

    public string? DeletionProtection { get; init; }

    public int? EstimatedNumberOfUsers { get; init; }

    /// <summary>The prefix of the pool's hosted domain, when it has one.</summary>
    public string? Domain { get; init; }

    public IReadOnlyDictionary<string, string>? UserPoolTags { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreationDate { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastModifiedDate { get; init; }
}
