using System.Collections.Immutable;
using System.Globalization;
using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Model;
using Patterns.LocalCloud;

namespace Patterns.Hosting.Local;

/// <summary>
/// What the dashboard shows of a local run: the model's resources with their state, URLs,
/// environment and running instances, the model's edges, and every line a function writes.
/// </summary>
internal sealed class LocalDashboardSource(AppModel model) : IDashboardModelSource
{
    private readonly object _gate = new();
    private ImmutableList<Action<string, string>> _subscribers = [];
    private volatile LocalCloudHost? _cloud;
    private volatile ProvisionedApp? _resources;

    /// <summary>The run is up: states, ARNs, URLs and instance counts come from here on.</summary>
    public void Attach(LocalCloudHost cloud, ProvisionedApp resources)
    {
        _cloud = cloud;
        _resources = resources;
    }

    /// <summary>A line a function process wrote (the local cloud's FunctionOutput).</summary>
    public void Publish(string function, string line)
    {
        foreach (var subscriber in _subscribers)
            subscriber(function, line);
    }

    public IDisposable SubscribeConsole(Action<string, string> onLine)
    {
        lock (_gate)
            _subscribers = _subscribers.Add(onLine);
        return new DashboardSubscription(() =>
        {
            lock (_gate)
                _subscribers = _subscribers.Remove(onLine);
        });
    }

    public DashboardModel GetModel()
    {
        var resources = _resources;
        var running = _cloud?.RunningInstances ?? new Dictionary<string, int>();
        var state = resources is null ? "Starting" : "Running";
        var items = new List<DashboardResource>();
        var edges = new List<DashboardEdge>();

        foreach (var table in model.Tables)
        {
            items.Add(new DashboardResource(table.Name, "DynamoDB table", state)
            {
                Properties = Properties(
                    ("Partition key", $"{table.PartitionKey.Name} ({table.PartitionKey.Type})"),
                    ("Sort key", table.SortKey is { } sort ? $"{sort.Name} ({sort.Type})" : null),
                    ("ARN", resources?.Tables.FirstOrDefault(t => t.Name == table.Name)?.Arn)),
            });
        }
        foreach (var function in model.Functions)
        {
            var environment = new Dictionary<string, string>(function.Environment, StringComparer.Ordinal);
            foreach (var reference in function.References)
            {
                environment[reference.EnvironmentVariable] = reference.ResourceName;
                edges.Add(new DashboardEdge(function.Name, reference.ResourceName, DashboardEdgeKind.Reference, reference.EnvironmentVariable));
            }
            items.Add(new DashboardResource(function.Name, DashboardResource.FunctionType, state)
            {
                Environment = environment,
                InstanceCount = running.TryGetValue(function.Name, out var count) ? count : 0,
                Properties = Properties(
                    ("Handler", function.Handler),
                    ("Timeout", string.Create(CultureInfo.InvariantCulture, $"{function.Timeout.TotalSeconds:0.###} s")),
                    ("Memory", string.Create(CultureInfo.InvariantCulture, $"{function.MemorySize} MB")),
                    ("ARN", resources?.Functions.FirstOrDefault(f => f.Name == function.Name)?.Arn)),
            });
        }
        foreach (var api in model.RestApis)
        {
            var provisioned = resources?.RestApis.FirstOrDefault(a => a.Name == api.Name);
            items.Add(new DashboardResource(api.Name, "REST API", state)
            {
                Urls = provisioned is null ? [] : [new DashboardLink($"{api.Stage} stage", provisioned.InvokeUrl.ToString()), new DashboardLink("AWS form", provisioned.UserRequestUrl.ToString())],
                Properties = Properties(("Stage", api.Stage), ("Id", provisioned?.Id)),
            });
            foreach (var route in api.Routes)
                edges.Add(new DashboardEdge(api.Name, route.FunctionName, DashboardEdgeKind.Route, $"{route.Method} {route.Path}"));
            foreach (var authorizer in api.Authorizers)
                edges.Add(new DashboardEdge(api.Name, authorizer.ResourceName, DashboardEdgeKind.Authorizer, authorizer.Name));
        }
        foreach (var pool in model.UserPools)
        {
            var provisioned = resources?.UserPools.FirstOrDefault(p => p.Name == pool.Name);
            items.Add(new DashboardResource(pool.Name, "Cognito user pool", state) { Properties = Properties(("Id", provisioned?.Id), ("ARN", provisioned?.Arn)) });
        }
        foreach (var client in model.UserPoolClients)
        {
            items.Add(new DashboardResource(client.Name, "Cognito app client", state)
            {
                Properties = Properties(("User pool", client.UserPoolName), ("Client id", resources?.UserPoolClients.FirstOrDefault(c => c.Name == client.Name)?.ClientId)),
            });
        }
        foreach (var bus in model.EventBuses)
            items.Add(new DashboardResource(bus.Name, "EventBridge bus", state) { Properties = Properties(("ARN", resources?.EventBuses.FirstOrDefault(b => b.Name == bus.Name)?.Arn)) });
        foreach (var rule in model.Rules)
        {
            items.Add(new DashboardResource(rule.Name, "EventBridge rule", state)
            {
                Properties = Properties(("Bus", rule.BusName), ("Event pattern", rule.EventPattern), ("ARN", resources?.Rules.FirstOrDefault(r => r.Name == rule.Name)?.Arn)),
            });
            edges.Add(new DashboardEdge(rule.BusName, rule.Name, DashboardEdgeKind.Rule));
            foreach (var target in rule.Targets)
                edges.Add(new DashboardEdge(rule.Name, target.ResourceName, DashboardEdgeKind.Rule, target.InputTransformer is null ? null : "input transformer"));
        }
        foreach (var queue in model.Queues)
        {
            var provisioned = resources?.Queues.FirstOrDefault(q => q.Name == queue.Name);
            items.Add(new DashboardResource(queue.Name, "SQS queue", state)
            {
                Properties = Properties(
                    ("URL", provisioned?.Url.ToString()),
                    ("Visibility timeout", string.Create(CultureInfo.InvariantCulture, $"{queue.VisibilityTimeout.TotalSeconds:0} s")),
                    ("Dead-letter queue", queue.DeadLetterQueue is { } dlq ? string.Create(CultureInfo.InvariantCulture, $"{dlq.QueueName} after {dlq.MaxReceiveCount} receives") : null)),
            });
            if (queue.DeadLetterQueue is { } redrive)
                edges.Add(new DashboardEdge(queue.Name, redrive.QueueName, DashboardEdgeKind.Mapping, string.Create(CultureInfo.InvariantCulture, $"redrive after {redrive.MaxReceiveCount}")));
        }
        foreach (var function in model.Functions)
            foreach (var source in function.EventSources)
                edges.Add(new DashboardEdge(source.QueueName, function.Name, DashboardEdgeKind.Mapping, string.Create(CultureInfo.InvariantCulture, $"batch {source.BatchSize}")));
        foreach (var topic in model.Topics)
        {
            items.Add(new DashboardResource(topic.Name, "SNS topic", state) { Properties = Properties(("ARN", resources?.Topics.FirstOrDefault(t => t.Name == topic.Name)?.Arn)) });
            foreach (var subscription in topic.Subscriptions)
                edges.Add(new DashboardEdge(topic.Name, subscription.ResourceName, DashboardEdgeKind.Subscription, subscription.FilterPolicy is null ? null : "filtered"));
        }
        foreach (var bucket in model.Buckets)
        {
            items.Add(new DashboardResource(bucket.Name, "S3 bucket", state) { Properties = Properties(("ARN", resources?.Buckets.FirstOrDefault(b => b.Name == bucket.Name)?.Arn)) });
            foreach (var notification in bucket.Notifications)
                edges.Add(new DashboardEdge(bucket.Name, notification.FunctionName, DashboardEdgeKind.Notification, string.Join(", ", notification.Events)));
        }
        return new DashboardModel(items, edges);
    }

    private static Dictionary<string, string> Properties(params (string Name, string? Value)[] properties) =>
        properties.Where(p => p.Value is not null).ToDictionary(p => p.Name, p => p.Value!, StringComparer.Ordinal);
}
