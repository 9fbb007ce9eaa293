namespace Patterns.Tests.Cdk;

/// <summary>
/// Every test that drives the CDK: they share one synthesized app, and the jsii runtime behind
/// the CDK's .NET binding is one Node process per test process, so they run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CdkCollection : ICollectionFixture<SynthesizedApp>
{
    public const string Name = "CDK";
}
