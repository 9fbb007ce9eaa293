using System.Collections.Immutable;
using Patterns.Hosting.Model;

namespace Patterns.Tests.Cdk;

/// <summary>
/// A model of the trigger mapping's cases beyond the app's patterns: a function declared before
/// what it uses, that publishes to the topic it is subscribed to and writes to the bucket that
/// notifies it; each access level on each kind of resource; a batching window; a queue
/// subscriber with raw delivery and filter policies with content matchers; a rule with content
/// matchers, an input transformer and queue and topic targets; a notification with two event
/// types and a key filter; a Cognito authorizer without caching, a TOKEN authorizer with a
/// validation expression on another header, and an authorizer no route uses.
/// </summary>
internal static class TriggerVariants
{
    public const string Function = "Worker";
    public const string Inbox = "Inbox";
    public const string Archive = "Archive";
    public const string Topic = "Alerts";
    public const string Bus = "orders-bus";
    public const string Rule = "BigOrders";
    public const string Bucket = "variant-files";
    public const string Pool = "Members";
    public const string Client = "MembersWeb";
    public const string Api = "MembersAPI";

    public const string ArchiveFilterPolicy = """{"severity": ["high", {"prefix": "crit"}], "count": [{"numeric": [">", 10, "<=", 99.5]}]}""";
    public const string WorkerFilterPolicy = """{"kind": [{"anything-but": ["test", "dev"]}], "$or": [{"region": ["eu"]}, {"tier": [{"exists": true}]}]}""";
    public const string EventPattern = """{"source": [{"prefix": "shop."}], "detail-type": ["OrderPlaced"], "detail": {"total": [{"numeric": [">=", 100]}], "coupon": [{"exists": false}]}}""";
    public const string InputTemplate = """{"order": <orderId>, "by": "<customer>"}""";
    public const string ValidationExpression = "^key-[a-z0-9]+$";

    public static AppModel Build()
    {
        var app = new AppModelBuilder();
        var worker = app.AddFunction(Function, "Functions::Functions.Variants.Worker::HandleAsync").WithTimeout(TimeSpan.FromSeconds(10));
        var inbox = app.AddQueue(Inbox).WithVisibilityTimeout(TimeSpan.FromSeconds(60));
        var archive = app.AddQueue(Archive);
        var alerts = app.AddTopic(Topic);
        var bus = app.AddEventBus(Bus);
        var files = app.AddBucket(Bucket);
        var pool = app.AddUserPool(Pool);
        var client = app.AddUserPoolClient(Client, pool);
        worker
            .WithReference(inbox, "INBOX_URL", ResourceAccess.Read)
            .WithReference(alerts, "ALERTS_ARN")
            .WithReference(bus, "BUS_NAME", ResourceAccess.Read)
            .WithReference(files, "FILES_BUCKET")
            .WithReference(pool, "POOL_ID", ResourceAccess.Write)
            .WithReference(client, "CLIENT_ID")
            .WithEventSource(inbox, batchSize: 100, maximumBatchingWindow: TimeSpan.FromSeconds(20));
        alerts
            .WithSubscription(archive, ArchiveFilterPolicy, rawMessageDelivery: true)
            .WithSubscription(worker, WorkerFilterPolicy);
        app.AddRule(Rule, bus, EventPattern)
            .WithTarget(archive, new InputTransformer(
                ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("orderId", "$.detail.orderId"), KeyValuePair.Create("customer", "$.detail.customer")]),
                InputTemplate))
            .WithTarget(alerts);
        files.WithNotification(worker, ["s3:ObjectCreated:Put", "s3:ObjectRemoved:*"], prefix: "incoming/", suffix: ".csv");
        app.AddRestApi(Api, stage: "v1")
            .WithCognitoAuthorizer("MembersAuth", pool, resultTtl: TimeSpan.Zero)
            .WithTokenAuthorizer("KeyAuth", worker, header: "X-Api-Key", validationExpression: ValidationExpression)
            .WithTokenAuthorizer("Unused", worker)
            .WithRoute("GET", "/me", worker, "MembersAuth")
            .WithRoute("POST", "/keys", worker, "KeyAuth");
        return app.Build();
    }
}
