using Patterns.Tests.Support;

namespace Patterns.Tests.AwsClients;

/// <summary>
/// The clients' tests against a real local cloud share one (its moto is the costly part to
/// start); every test names its resources uniquely, so they do not see each other's.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LocalCloudCollection : ICollectionFixture<LocalCloudFixture>
{
    public const string Name = "AWS clients against a local cloud";
}
