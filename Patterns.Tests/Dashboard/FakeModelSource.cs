using Patterns.Hosting.Dashboard;

namespace Patterns.Tests.Dashboard;

/// <summary>Plays the orchestrator: a fixed model, and console lines written by the test.</summary>
internal sealed class FakeModelSource(DashboardModel model) : IDashboardModelSource
{
    private readonly Lock _lock = new();
    private readonly List<Action<string, string>> _subscribers = [];

    public DashboardModel Model { get; set; } = model;

    public int Subscribers
    {
        get { lock (_lock) return _subscribers.Count; }
    }

    public DashboardModel GetModel() => Model;

    public IDisposable SubscribeConsole(Action<string, string> onLine)
    {
        lock (_lock)
            _subscribers.Add(onLine);
        return new Subscription(this, onLine);
    }

    public void Write(string function, string line)
    {
        Action<string, string>[] subscribers;
        lock (_lock)
            subscribers = [.. _subscribers];
        foreach (var subscriber in subscribers)
            subscriber(function, line);
    }

    /// <summary>Pattern 1's shape: an API routing to a function that references a table.</summary>
    public static DashboardModel Pattern01 { get; } = new(
        [
            new DashboardResource("ProductsAPI", "REST API", "Provisioned")
            {
                Urls = [new DashboardLink("Invoke URL", "http://127.0.0.1:4566/_aws/execute-api/abc123/dev/")],
                Properties = new Dictionary<string, string> { ["Stage"] = "dev" },
            },
            new DashboardResource("HelloServerless", DashboardResource.FunctionType, "Running")
            {
                InstanceCount = 2,
                Environment = new Dictionary<string, string> { ["TABLE_NAME"] = "Products", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566" },
                Properties = new Dictionary<string, string> { ["Handler"] = "Functions::Functions.Pattern01.HelloServerless::HandleAsync" },
            },
            new DashboardResource("Products", "Table", "Provisioned")
            {
                Properties = new Dictionary<string, string> { ["ARN"] = "arn:aws:dynamodb:us-east-1:000000000000:table/Products" },
            },
        ],
        [
            new DashboardEdge("ProductsAPI", "HelloServerless", DashboardEdgeKind.Route, "GET /products"),
            new DashboardEdge("ProductsAPI", "HelloServerless", DashboardEdgeKind.Route, "POST /products"),
            new DashboardEdge("HelloServerless", "Products", DashboardEdgeKind.Reference, "TABLE_NAME"),
        ]);

    private sealed class Subscription(FakeModelSource source, Action<string, string> onLine) : IDisposable
    {
        public void Dispose()
        {
            lock (source._lock)
                source._subscribers.Remove(onLine);
        }
    }
}
