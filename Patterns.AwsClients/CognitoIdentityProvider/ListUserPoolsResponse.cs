namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>One page of ListUserPools; pass <see cref="NextToken"/> back for the next.</summary>
public sealed record ListUserPoolsResponse
{
    public IReadOnlyList<UserPoolDescription> UserPools { get; init; } = [];

    public string? NextToken { get; init; }
}
