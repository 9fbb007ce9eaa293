using Amazon.CDK;
using Patterns.Hosting.Model;
using Resource = Patterns.Hosting.Model.Resource;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// The stack being built, the deployment's options, and what each resource of the model was
/// mapped to. A resource is mapped on first use: what it needs in order to exist (a function's
/// referenced table, a queue's dead-letter queue, a rule's bus) is mapped before it, whatever
/// order the model declares them in.
/// </summary>
internal sealed class MappingContext(Stack stack, CloudOptions options, AppModel model)
{
    private readonly Dictionary<string, object> _mapped = new(StringComparer.Ordinal);

    // The resources being mapped right now, outermost first: a cycle shows as a name met twice.
    private readonly List<string> _inProgress = [];

    public Stack Stack => stack;

    public CloudOptions Options => options;

    /// <summary>Maps <paramref name="resource"/> unless it is mapped already; answers what it was mapped to.</summary>
    /// <exception cref="InvalidOperationException">The resource needs itself to exist, through the resources it needs.</exception>
    public object Map(Resource resource)
    {
        if (_mapped.TryGetValue(resource.Name, out var mapped))
            return mapped;
        if (_inProgress.Contains(resource.Name))
        {
            var cycle = _inProgress.SkipWhile(name => name != resource.Name).Append(resource.Name);
            throw new InvalidOperationException(
                $"{string.Join(" needs ", cycle)}: these resources need each other to exist, so no deployment can create them. Remove one of the references.");
        }

        _inProgress.Add(resource.Name);
        try
        {
            mapped = ResourceMappers.For(resource).Map(resource, this);
        }
        finally
        {
            _inProgress.RemoveAt(_inProgress.Count - 1);
        }
        _mapped.Add(resource.Name, mapped);
        return mapped;
    }

    /// <summary>What <paramref name="name"/> is mapped to (mapping it now if need be), for <paramref name="user"/>, which refers to it.</summary>
    /// <exception cref="InvalidOperationException">The model has no such resource, or it cannot be used that way.</exception>
    public T Get<T>(string name, Resource user) where T : class
    {
        var resource = model.Resources.FirstOrDefault(r => r.Name == name)
            ?? throw new InvalidOperationException($"{user.GetType().Name} {user.Name} refers to {name}, which is not in the model: declare it with the same builder.");
        return Map(resource) as T
            ?? throw new InvalidOperationException($"{user.GetType().Name} {user.Name} refers to {resource.GetType().Name} {name}, which cannot be used that way ({typeof(T).Name}).");
    }
}
