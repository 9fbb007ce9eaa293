using Patterns.Hosting.Model;

namespace Patterns.Cdk.Mapping;

/// <summary>Turns one kind of model resource into CDK constructs in the stack.</summary>
internal interface IResourceMapper
{
    Type ResourceType { get; }

    /// <returns>What other resources' mappers may use of it (e.g. an <see cref="IReferenceTarget"/>).</returns>
    object Map(Resource resource, MappingContext context);
}
