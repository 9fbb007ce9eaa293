using Patterns.Hosting.Model;

namespace Patterns.Cdk.Mapping;

/// <summary>Turns one kind of model resource into CDK constructs in the stack.</summary>
internal interface IResourceMapper
{
    Type ResourceType { get; }

    /// <summary>Creates the resource; what it needs in order to exist is taken from <paramref name="context"/>.</summary>
    /// <returns>What other resources' mappers may use of it (e.g. an <see cref="IReferenceTarget"/>).</returns>
    object Map(Resource resource, MappingContext context);

    /// <summary>
    /// Once every resource exists: wires what the resource delivers to or receives from others (a
    /// topic's subscriptions, a bucket's notifications, a function's event sources). These may
    /// point back at resources that refer to this one, so they cannot be part of creating it.
    /// </summary>
    void Connect(Resource resource, object mapped, MappingContext context);
}
