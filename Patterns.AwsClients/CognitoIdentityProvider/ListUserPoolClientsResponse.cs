namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>One page of ListUserPoolClients; pass <see cref="NextToken"/> back for the next.</summary>
public sealed record ListUserPoolClientsResponse
{
    public IReadOnlyList<UserPoolClientDescription> UserPoolClients { get; init; } = [];

    public string? NextToken { get; init; }
}
