namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>A user pool, its app client, and the tokens one of its users got by signing in.</summary>
internal sealed record SignedInUser(string PoolId, string PoolArn, string ClientId, string Username, string IdToken, string AccessToken);
