namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>ListUserPoolClients' input; MaxResults 1–60.</summary>
internal sealed record ListUserPoolClientsInput(string UserPoolId, int? MaxResults, string? NextToken);
