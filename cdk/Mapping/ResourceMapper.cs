using Patterns.Hosting.Model;

namespace Patterns.Cdk.Mapping;

/// <summary>The typed base of a mapper: one subclass per resource kind.</summary>
internal abstract class ResourceMapper<TResource, TMapped> : IResourceMapper
    where TResource : Resource
    where TMapped : class
{
    public Type ResourceType => typeof(TResource);

    object IResourceMapper.Map(Resource resource, MappingContext context) => Map((TResource)resource, context);

    void IResourceMapper.Connect(Resource resource, object mapped, MappingContext context) => Connect((TResource)resource, (TMapped)mapped, context);

    protected abstract TMapped Map(TResource resource, MappingContext context);

    /// <summary>Nothing to wire by default.</summary>
    protected virtual void Connect(TResource resource, TMapped mapped, MappingContext context)
    {
    }
}
