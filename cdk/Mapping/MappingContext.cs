using Amazon.CDK;
using Resource = Patterns.Hosting.Model.Resource;

namespace Patterns.Cdk.Mapping;

/// <summary>The stack being built, the deployment's options, and what has been mapped so far by resource name.</summary>
internal sealed class MappingContext(Stack stack, CloudOptions options)
{
    private readonly Dictionary<string, object> _mapped = new(StringComparer.Ordinal);

    public Stack Stack => stack;

    public CloudOptions Options => options;

    public void Add(Resource resource, object mapped) => _mapped.Add(resource.Name, mapped);

    /// <summary>What <paramref name="name"/> was mapped to, for <paramref name="user"/>, which refers to it.</summary>
    /// <exception cref="InvalidOperationException">It is not mapped (yet), or not usable that way.</exception>
    public T Get<T>(string name, Resource user) where T : class
    {
        if (!_mapped.TryGetValue(name, out var mapped))
            throw new InvalidOperationException(
                $"{user.GetType().Name} {user.Name} refers to {name}, which is not in the stack: declare {name} in the model before what refers to it.");
        return mapped as T
            ?? throw new InvalidOperationException($"{user.GetType().Name} {user.Name} refers to {name}, which cannot be used that way ({typeof(T).Name}).");
    }
}
