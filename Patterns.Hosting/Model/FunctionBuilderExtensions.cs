namespace Patterns.Hosting.Model;

/// <summary>The fluent settings of a function.</summary>
public static class FunctionBuilderExtensions
{
    /// <summary>
    /// The function uses <paramref name="target"/>: its identifier (a table's name) goes into
    /// <paramref name="environmentVariable"/>, and a cloud deployment grants it <paramref name="access"/>
    /// (read and write unless said otherwise) to that resource only.
    /// </summary>
    public static ResourceBuilder<Function> WithReference<T>(
        this ResourceBuilder<Function> function, ResourceBuilder<T> target, string environmentVariable, ResourceAccess access = ResourceAccess.ReadWrite)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(target);
        if (target.App != function.App)
            throw new ArgumentException($"Function {function.Name}: {target.Name} belongs to another model; reference resources of the same AppModelBuilder.", nameof(target));
        if (target.Resource is not Table)
            throw new ArgumentException($"Function {function.Name}: a reference to {typeof(T).Name} {target.Name} is not supported yet; reference a table.", nameof(target));
        if (!Enum.IsDefined(access))
            throw new ArgumentOutOfRangeException(nameof(access), access, $"Function {function.Name}: access to {target.Name} must be Read, Write or ReadWrite.");
        ModelRules.EnvironmentVariable(function.Name, environmentVariable);
        return function.Update(f =>
        {
            CheckVariableIsFree(f, environmentVariable);
            return f with { References = f.References.Add(new ResourceReference(target.Name, environmentVariable, access)) };
        });
    }

    public static ResourceBuilder<Function> WithEnvironment(this ResourceBuilder<Function> function, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(value);
        ModelRules.EnvironmentVariable(function.Name, name);
        return function.Update(f =>
        {
            CheckVariableIsFree(f, name);
            return f with { Environment = f.Environment.Add(name, value) };
        });
    }

    public static ResourceBuilder<Function> WithTimeout(this ResourceBuilder<Function> function, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(function);
        ModelRules.Timeout(function.Name, timeout);
        return function.Update(f => f with { Timeout = timeout });
    }

    public static ResourceBuilder<Function> WithMemorySize(this ResourceBuilder<Function> function, int megabytes)
    {
        ArgumentNullException.ThrowIfNull(function);
        ModelRules.MemorySize(function.Name, megabytes);
        return function.Update(f => f with { MemorySize = megabytes });
    }

    private static void CheckVariableIsFree(Function function, string name)
    {
        if (function.Environment.ContainsKey(name) || function.References.Any(r => r.EnvironmentVariable == name))
            throw new ArgumentException($"Function {function.Name}: environment variable {name} is already set.", nameof(name));
    }
}
