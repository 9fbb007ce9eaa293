namespace Patterns.Hosting.Model;

/// <summary>The fluent settings of a function.</summary>
public static class FunctionBuilderExtensions
{
    /// <summary>
    /// The function uses <paramref name="target"/>: its identifier goes into
    /// <paramref name="environmentVariable"/> (a table's, bucket's or bus's name, a queue's URL, a
    /// topic's ARN, a user pool's or app client's id), and a cloud deployment grants it
    /// <paramref name="access"/> (read and write unless said otherwise) to that resource only.
    /// </summary>
    public static ResourceBuilder<Function> WithReference<T>(
        this ResourceBuilder<Function> function, ResourceBuilder<T> target, string environmentVariable, ResourceAccess access = ResourceAccess.ReadWrite)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(target);
        if (target.App != function.App)
            throw new ArgumentException($"Function {function.Name}: {target.Name} belongs to another model; reference resources of the same AppModelBuilder.", nameof(target));
        if (target.Resource is not (Table or Queue or Topic or EventBus or Bucket or UserPool or UserPoolClient))
            throw new ArgumentException(
                $"Function {function.Name}: a reference to {typeof(T).Name} {target.Name} is not supported; reference a table, queue, topic, event bus, bucket, user pool or user pool client.", nameof(target));
        if (!Enum.IsDefined(access))
            throw new ArgumentOutOfRangeException(nameof(access), access, $"Function {function.Name}: access to {target.Name} must be Read, Write or ReadWrite.");
        ModelRules.EnvironmentVariable(function.Name, environmentVariable);
        return function.Update(f =>
        {
            CheckVariableIsFree(f, environmentVariable);
            return f with { References = f.References.Add(new ResourceReference(target.Name, environmentVariable, access)) };
        });
    }

    /// <summary>
    /// Lambda polls <paramref name="queue"/> and invokes the function with batches of up to
    /// <paramref name="batchSize"/> messages, waiting up to <paramref name="maximumBatchingWindow"/>
    /// to fill one. With <paramref name="reportBatchItemFailures"/> the function names the failed
    /// messages (batchItemFailures) and only those are retried.
    /// </summary>
    public static ResourceBuilder<Function> WithEventSource(
        this ResourceBuilder<Function> function, ResourceBuilder<Queue> queue, int batchSize = 10, TimeSpan? maximumBatchingWindow = null, bool reportBatchItemFailures = false)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(queue);
        function.App.SameModel(queue, $"Function {function.Name}");
        var window = maximumBatchingWindow ?? TimeSpan.Zero;
        ModelRules.BatchSize(function.Name, batchSize, window);
        return function.Update(f =>
        {
            if (f.EventSources.Any(s => s.QueueName == queue.Name))
                throw new ArgumentException($"Function {function.Name} already polls queue {queue.Name}; Lambda allows one mapping per queue and function.", nameof(queue));
            return f with { EventSources = f.EventSources.Add(new QueueEventSource(queue.Name, batchSize, window, reportBatchItemFailures)) };
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
