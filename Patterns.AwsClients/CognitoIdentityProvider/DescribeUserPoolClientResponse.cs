namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>DescribeUserPoolClient's output.</summary>
public sealed record DescribeUserPoolClientResponse
{
    public UserPoolClient UserPoolClient { get; init; } = new();
}
