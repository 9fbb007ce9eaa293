namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>The classes that share one <see cref="InstrumentedExecuteApiFixture"/> (one moto), one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class InstrumentedExecutorCollection : ICollectionFixture<InstrumentedExecuteApiFixture>
{
    public const string Name = "Instrumented API executor";
}
