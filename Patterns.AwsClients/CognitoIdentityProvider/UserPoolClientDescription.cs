namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>An app client as ListUserPoolClients lists it.</summary>
public sealed record UserPoolClientDescription
{
    public string ClientId { get; init; } = "";

    public string UserPoolId { get; init; } = "";

    public string ClientName { get; init; } = "";
}
