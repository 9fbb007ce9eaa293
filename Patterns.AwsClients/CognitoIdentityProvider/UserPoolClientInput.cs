namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>DescribeUserPoolClient's input.</summary>
internal sealed record UserPoolClientInput(string UserPoolId, string ClientId);
