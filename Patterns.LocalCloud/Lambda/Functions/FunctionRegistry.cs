using System.Collections.Concurrent;

namespace Patterns.LocalCloud.Lambda.Functions;

/// <summary>The functions of this local cloud, by name.</summary>
internal sealed class FunctionRegistry(string region, string accountId)
{
    private readonly ConcurrentDictionary<string, RegisteredFunction> _functions = new(StringComparer.Ordinal);

    public string ArnOf(string name) => $"arn:aws:lambda:{region}:{accountId}:function:{name}";

    public bool TryAdd(RegisteredFunction function) => _functions.TryAdd(function.Definition.Name, function);

    /// <summary>The function a name or ARN refers to ($LATEST); throws ResourceNotFoundException.</summary>
    public RegisteredFunction Get(string reference, string? qualifier = null)
    {
        var name = FunctionName.Parse(reference);
        var version = qualifier ?? name.Qualifier;
        if (version is not null && version != "$LATEST")
            throw LambdaErrors.UnsupportedQualifier(version);
        return _functions.TryGetValue(name.Name, out var function)
            ? function
            : throw LambdaErrors.FunctionNotFound(ArnOf(name.Name) + (version is null ? "" : ":" + version));
    }

    public RegisteredFunction Remove(string reference)
    {
        var function = Get(reference);
        _functions.TryRemove(function.Definition.Name, out _);
        return function;
    }

    public IReadOnlyList<RegisteredFunction> All() => [.. _functions.Values.OrderBy(f => f.Definition.Name, StringComparer.Ordinal)];
}
