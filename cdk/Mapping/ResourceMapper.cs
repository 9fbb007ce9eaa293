using Patterns.Hosting.Model;

namespace Patterns.Cdk.Mapping;

/// <summary>The typed base of a mapper: one subclass per resource kind.</summary>
internal abstract class ResourceMapper<TResource, TMapped> : IResourceMapper
    where TResource : Resource
    where TMapped : class
{
    public Type ResourceType => typeof(TResource);

    object IResourceMapper.Map(Resource resource, MappingContext context) => Map((TResource)resource, context);

    protected abstract TMapped Map(TResource resource, MappingContext context);
}
