namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>ListUserPools' input; Cognito requires MaxResults (1–60).</summary>
internal sealed record ListUserPoolsInput(int MaxResults, string? NextToken);
