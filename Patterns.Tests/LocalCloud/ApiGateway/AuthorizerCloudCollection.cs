namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>The classes that share one <see cref="AuthorizerCloudFixture"/> (one local cloud and its functions), one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class AuthorizerCloudCollection : ICollectionFixture<AuthorizerCloudFixture>
{
    public const string Name = "Authorizer local cloud";
}
