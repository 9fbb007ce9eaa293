namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>The input of the calls that name just a pool (DescribeUserPool, DeleteUserPool).</summary>
internal sealed record UserPoolInput(string UserPoolId);
