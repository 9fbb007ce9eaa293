namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>DescribeUserPool's output.</summary>
public sealed record DescribeUserPoolResponse
{
    public UserPool UserPool { get; init; } = new();
}
