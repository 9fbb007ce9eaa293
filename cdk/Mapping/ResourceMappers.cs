using Patterns.Hosting.Model;

namespace Patterns.Cdk.Mapping;

/// <summary>Every resource kind's mapper. A new kind of resource is one mapper class and one line here.</summary>
internal static class ResourceMappers
{
    private static readonly IReadOnlyList<IResourceMapper> All =
    [
        new TableMapper(),
        new FunctionMapper(),
        new RestApiMapper(),
        new QueueMapper(),
        new TopicMapper(),
        new EventBusMapper(),
        new RuleMapper(),
        new BucketMapper(),
        new UserPoolMapper(),
        new UserPoolClientMapper(),
    ];

    /// <exception cref="NotSupportedException">The resource's kind has no mapper yet.</exception>
    public static IResourceMapper For(Resource resource) =>
        All.SingleOrDefault(m => m.ResourceType == resource.GetType())
        ?? throw new NotSupportedException(
            $"{resource.GetType().Name} {resource.Name} cannot be deployed yet: the CDK mapping has no mapper for {resource.GetType().Name}. " +
            "Add a ResourceMapper for it in cdk/Mapping and list it in ResourceMappers.");
}
