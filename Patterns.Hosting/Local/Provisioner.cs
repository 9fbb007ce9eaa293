using System.Runtime.ExceptionServices;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>
/// Provisions a whole model. Every resource starts as soon as what it depends on is done — a
/// queue after its dead-letter queue, a function after the resources it references, a trigger
/// (rule targets, subscriptions, event source mappings, bucket notifications, API methods and
/// authorizers) after the functions it invokes — so independent work runs in parallel, in
/// dependency order.
/// </summary>
/// <param name="freshCloud">
/// The local cloud was started empty for this provisioning, so resources that are found by name
/// before they are created (REST APIs, user pools and their clients) are created at once.
/// </param>
internal sealed class Provisioner(EdgeClients clients, LocalAppOptions options, string? functionsDirectory, Uri edgeUrl, bool freshCloud = false)
{
    private readonly string _region = options.LocalCloud.Region;
    private readonly string _accountId = options.LocalCloud.AccountId;

    public async Task<ProvisionedApp> ProvisionAsync(AppModel model, CancellationToken cancellationToken)
    {
        var grants = new LambdaGrants(clients.Lambda, _accountId);
        var userPoolProvisioner = new UserPoolProvisioner(clients.Cognito, _region, _accountId, freshCloud);
        var topicProvisioner = new TopicProvisioner(clients.Sns, grants);
        // Made on first use, as the S3 client it needs (see EdgeClients).
        var bucketProvisioner = new Lazy<BucketProvisioner>(() => new BucketProvisioner(clients.S3, grants));

        var tables = model.Tables.ToDictionary(t => t.Name, t => Run("Table", t.Name, () => new TableProvisioner(clients.Tables).ProvisionAsync(t, cancellationToken)));
        var queues = new Dictionary<string, Lazy<Task<ProvisionedQueue>>>(StringComparer.Ordinal);
        foreach (var queue in model.Queues)
        {
            queues[queue.Name] = new Lazy<Task<ProvisionedQueue>>(() => Run("Queue", queue.Name, async () =>
            {
                var deadLetterQueue = queue.DeadLetterQueue is { } redrive ? await queues[redrive.QueueName].Value.ConfigureAwait(false) : null;
                return await new QueueProvisioner(clients.Sqs).ProvisionAsync(queue, deadLetterQueue, cancellationToken).ConfigureAwait(false);
            }));
        }
        var queueTasks = queues.ToDictionary(q => q.Key, q => q.Value.Value);
        var topics = model.Topics.ToDictionary(t => t.Name, t => Run("Topic", t.Name, () => topicProvisioner.CreateAsync(t, cancellationToken)));
        var buses = model.EventBuses.ToDictionary(b => b.Name, b => Run("Event bus", b.Name, () => new EventBusProvisioner(clients.Events).ProvisionAsync(b, cancellationToken)));
        var buckets = model.Buckets.ToDictionary(b => b.Name, b => Run("Bucket", b.Name, () => bucketProvisioner.Value.CreateAsync(b, cancellationToken)));
        var userPools = model.UserPools.ToDictionary(p => p.Name, p => Run("User pool", p.Name, () => userPoolProvisioner.ProvisionAsync(p, cancellationToken)));
        var userPoolClients = model.UserPoolClients.ToDictionary(c => c.Name, c => Run("User pool client", c.Name, async () =>
            await userPoolProvisioner.ProvisionAsync(c, await userPools[c.UserPoolName].ConfigureAwait(false), cancellationToken).ConfigureAwait(false)));

        // What a reference to each resource resolves to: a table's, bus's or bucket's name, a queue's URL, a topic's ARN, a pool's or client's id.
        var references = new Dictionary<string, Func<Task<string>>>(StringComparer.Ordinal);
        foreach (var (name, task) in tables)
            references[name] = async () => (await task.ConfigureAwait(false)).Name;
        foreach (var (name, task) in queueTasks)
            references[name] = async () => (await task.ConfigureAwait(false)).Url.ToString();
        foreach (var (name, task) in topics)
            references[name] = async () => (await task.ConfigureAwait(false)).Arn;
        foreach (var (name, task) in buses)
            references[name] = async () => (await task.ConfigureAwait(false)).Name;
        foreach (var (name, task) in buckets)
            references[name] = async () => (await task.ConfigureAwait(false)).Name;
        foreach (var (name, task) in userPools)
            references[name] = async () => (await task.ConfigureAwait(false)).Id;
        foreach (var (name, task) in userPoolClients)
            references[name] = async () => (await task.ConfigureAwait(false)).ClientId;

        var functions = model.Functions.ToDictionary(f => f.Name, f => ProvisionFunctionAsync(f, references, cancellationToken));

        // Every ARN a trigger may point at, by resource name.
        async Task<string> ArnOf(string name) =>
            functions.TryGetValue(name, out var function) ? (await function.ConfigureAwait(false)).Arn
            : queueTasks.TryGetValue(name, out var queue) ? (await queue.ConfigureAwait(false)).Arn
            : (await topics[name].ConfigureAwait(false)).Arn;
        async Task<Dictionary<string, string>> ArnsOf(IEnumerable<string> names)
        {
            var distinct = names.Distinct(StringComparer.Ordinal).ToList();
            var arns = await Task.WhenAll(distinct.Select(ArnOf)).ConfigureAwait(false);
            return distinct.Zip(arns).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }
        var functionNames = functions.Keys.ToHashSet(StringComparer.Ordinal);

        var rules = model.Rules.Select(rule => Run("Rule", rule.Name, async () =>
        {
            await buses[rule.BusName].ConfigureAwait(false);
            var targets = await ArnsOf(rule.Targets.Select(t => t.ResourceName)).ConfigureAwait(false);
            return await new RuleProvisioner(clients.Events, grants).ProvisionAsync(rule, targets, functionNames, cancellationToken).ConfigureAwait(false);
        })).ToList();
        var subscriptions = model.Topics.Where(t => !t.Subscriptions.IsEmpty).Select(topic => Run("Topic", topic.Name, async () =>
        {
            var provisioned = await topics[topic.Name].ConfigureAwait(false);
            var subscribers = await ArnsOf(topic.Subscriptions.Select(s => s.ResourceName)).ConfigureAwait(false);
            await topicProvisioner.SubscribeAsync(topic, provisioned, subscribers, functionNames, cancellationToken).ConfigureAwait(false);
            return provisioned;
        })).ToList();
        var mappings = model.Functions.SelectMany(f => f.EventSources.Select(source => Run("Event source mapping", $"{source.QueueName} → {f.Name}", async () =>
        {
            await functions[f.Name].ConfigureAwait(false);
            await new EventSourceMappingProvisioner(clients.Lambda).ProvisionAsync(f.Name, source, await queueTasks[source.QueueName].ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return source;
        }))).ToList();
        var notifications = model.Buckets.Where(b => !b.Notifications.IsEmpty).Select(bucket => Run("Bucket", bucket.Name, async () =>
        {
            var provisioned = await buckets[bucket.Name].ConfigureAwait(false);
            var notified = await ArnsOf(bucket.Notifications.Select(n => n.FunctionName)).ConfigureAwait(false);
            await bucketProvisioner.Value.ConfigureNotificationsAsync(bucket, provisioned, notified, cancellationToken).ConfigureAwait(false);
            return provisioned;
        })).ToList();
        var apis = model.RestApis.Select(a => ProvisionRestApiAsync(a, functions, userPools, grants, cancellationToken)).ToList();

        List<Task> all =
        [
            .. tables.Values, .. queueTasks.Values, .. topics.Values, .. buses.Values, .. buckets.Values, .. userPools.Values, .. userPoolClients.Values,
            .. functions.Values, .. rules, .. subscriptions, .. mappings, .. notifications, .. apis,
        ];
        try
        {
            await Task.WhenAll(all).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Task.WhenAll rethrows only the first failure; a dependent's failure is its
            // dependency's, so report each distinct one.
            var failures = all.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).Distinct().ToList();
            if (failures.Count == 1)
                ExceptionDispatchInfo.Throw(failures[0]);
            throw new AggregateException($"{failures.Count} resources could not be provisioned: {string.Join(" | ", failures.Select(f => f.Message))}", failures);
        }

        return new ProvisionedApp(
            [.. tables.Values.Select(t => t.Result)],
            [.. functions.Values.Select(f => f.Result)],
            [.. apis.Select(a => a.Result)])
        {
            Queues = [.. queueTasks.Values.Select(q => q.Result)],
            Topics = [.. topics.Values.Select(t => t.Result)],
            EventBuses = [.. buses.Values.Select(b => b.Result)],
            Rules = [.. rules.Select(r => r.Result)],
            Buckets = [.. buckets.Values.Select(b => b.Result)],
            UserPools = [.. userPools.Values.Select(p => p.Result)],
            UserPoolClients = [.. userPoolClients.Values.Select(c => c.Result)],
        };
    }

    private async Task<ProvisionedFunction> ProvisionFunctionAsync(Function function, Dictionary<string, Func<Task<string>>> references, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(function.Environment, StringComparer.Ordinal);
        foreach (var reference in function.References)
            environment[reference.EnvironmentVariable] = await references[reference.ResourceName]().ConfigureAwait(false);

        var provisioner = new FunctionProvisioner(clients.Lambda, functionsDirectory!, _accountId, options.FunctionReadyTimeout);
        return await Guard("Function", function.Name, () => provisioner.ProvisionAsync(function, environment, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<ProvisionedRestApi> ProvisionRestApiAsync(
        RestApi api, Dictionary<string, Task<ProvisionedFunction>> functions, Dictionary<string, Task<ProvisionedUserPool>> userPools, LambdaGrants grants, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var provisioner = new RestApiProvisioner(clients.ApiGateway, _region, edgeUrl, freshCloud);
        var draft = await Guard("REST API", api.Name, () => provisioner.PrepareAsync(api, cancellationToken)).ConfigureAwait(false);

        var routeFunctions = new Dictionary<string, ProvisionedFunction>(StringComparer.Ordinal);
        foreach (var name in api.Routes.Select(r => r.FunctionName).Distinct())
            routeFunctions[name] = await functions[name].ConfigureAwait(false);
        var authorizerFunctions = new Dictionary<string, string>(StringComparer.Ordinal);
        var authorizerPools = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var authorizer in api.Authorizers)
        {
            if (authorizer.Kind == AuthorizerKind.Token)
                authorizerFunctions[authorizer.ResourceName] = (await functions[authorizer.ResourceName].ConfigureAwait(false)).Arn;
            else
                authorizerPools[authorizer.ResourceName] = (await userPools[authorizer.ResourceName].ConfigureAwait(false)).Arn;
        }

        return await Guard("REST API", api.Name, async () =>
        {
            // Granted before the deployment, so that the stage never serves a route its function refuses.
            await new InvokePermissions(clients.Lambda, _region, _accountId).GrantAsync(api, draft.RestApiId, routeFunctions, cancellationToken).ConfigureAwait(false);
            var (authorizations, authorizersChanged) = await new AuthorizerProvisioner(clients.ApiGateway, grants, _region, _accountId)
                .ProvisionAsync(api, draft.RestApiId, authorizerFunctions, authorizerPools, cancellationToken).ConfigureAwait(false);
            return await provisioner.CompleteAsync(draft, routeFunctions, authorizations, authorizersChanged, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    // Starts a resource's provisioning without blocking the caller, naming it in its failures.
    private static async Task<T> Run<T>(string kind, string name, Func<Task<T>> provision)
    {
        await Task.Yield();
        return await Guard(kind, name, provision).ConfigureAwait(false);
    }

    // Names the resource in its own failures; a dependency's failure passes through as it is.
    private static async Task<T> Guard<T>(string kind, string name, Func<Task<T>> provision)
    {
        try
        {
            return await provision().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not ProvisioningException)
        {
            throw new ProvisioningException(kind, name, exception);
        }
    }
}
