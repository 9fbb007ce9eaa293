using Patterns.Hosting.Model;

namespace Patterns.Tests.Hosting;

/// <summary>The model's triggers (authorizers, rules, queues, topics, buckets) are plain data, checked against AWS's rules as they are declared.</summary>
public sealed class TriggerModelTests
{
    private const string Handler = "Functions::Functions.Pattern01.HelloServerless::HandleAsync";

    [Fact]
    public void Declares_every_trigger_kind_as_plain_records()
    {
        var app = new AppModelBuilder();
        var pool = app.AddUserPool("ProductsUserPool");
        var client = app.AddUserPoolClient("ProductsApp", pool);
        var authorizer = app.AddFunction("TokenAuthorizer", Handler).WithReference(pool, "USER_POOL_ID", ResourceAccess.Read).WithReference(client, "APP_CLIENT_ID", ResourceAccess.Read);
        var hello = app.AddFunction("HelloServerless", Handler);
        app.AddRestApi("SecuredProductsAPI", "dev")
            .WithTokenAuthorizer("JWTAuthorizer", authorizer, resultTtl: TimeSpan.FromSeconds(300))
            .WithCognitoAuthorizer("PoolAuthorizer", pool)
            .WithRoute("GET", "/products", hello, authorizer: "JWTAuthorizer");
        var bus = app.AddEventBus("ecommerce-events");
        app.AddRule("OrderPlacedRule", bus, """{"source":["ecommerce.orders"]}""").WithTarget(hello);
        var dlq = app.AddQueue("PaymentQueue-DLQ");
        var queue = app.AddQueue("PaymentQueue").WithDeadLetterQueue(dlq, maxReceiveCount: 3).WithVisibilityTimeout(TimeSpan.FromSeconds(60));
        hello.WithEventSource(queue, batchSize: 5, reportBatchItemFailures: true);
        app.AddTopic("ImageProcessingTopic").WithSubscription(hello).WithSubscription(dlq, rawMessageDelivery: true);
        app.AddBucket("serverless-uploads").WithNotification(hello, prefix: "in/", suffix: ".txt");

        var model = app.Build();

        var api = model.Get<RestApi>("SecuredProductsAPI");
        Assert.Equal(new ApiAuthorizer("JWTAuthorizer", AuthorizerKind.Token, "TokenAuthorizer", "Authorization", TimeSpan.FromSeconds(300)), api.Authorizers[0]);
        Assert.Equal(new ApiAuthorizer("PoolAuthorizer", AuthorizerKind.CognitoUserPools, "ProductsUserPool", "Authorization", ApiAuthorizer.DefaultResultTtl), api.Authorizers[1]);
        Assert.Equal("JWTAuthorizer", api.Routes.Single().AuthorizerName);
        Assert.Equal("ProductsUserPool", model.Get<UserPoolClient>("ProductsApp").UserPoolName);
        Assert.Equal(new RuleTarget("HelloServerless"), Assert.Single(model.Get<Rule>("OrderPlacedRule").Targets));
        Assert.Equal(new DeadLetterQueue("PaymentQueue-DLQ", 3), model.Get<Queue>("PaymentQueue").DeadLetterQueue);
        Assert.Equal(new QueueEventSource("PaymentQueue", 5, TimeSpan.Zero, true), Assert.Single(model.Get<Function>("HelloServerless").EventSources));
        Assert.Equal([new TopicSubscription("HelloServerless"), new TopicSubscription("PaymentQueue-DLQ") { RawMessageDelivery = true }], model.Get<Topic>("ImageProcessingTopic").Subscriptions.ToArray());
        var notification = Assert.Single(model.Get<Bucket>("serverless-uploads").Notifications);
        Assert.Equal(("HelloServerless", "s3:ObjectCreated:*", "in/", ".txt"), (notification.FunctionName, Assert.Single(notification.Events), notification.Prefix, notification.Suffix));
    }

    [Fact]
    public void A_route_must_name_an_authorizer_the_api_has()
    {
        var app = new AppModelBuilder();
        var hello = app.AddFunction("HelloServerless", Handler);
        var error = Assert.Throws<ArgumentException>(() => app.AddRestApi("Api", "dev").WithRoute("GET", "/x", hello, authorizer: "Missing"));
        Assert.Contains("authorizer 'Missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_polled_by_a_function_must_stay_invisible_longer_than_the_function_runs()
    {
        var app = new AppModelBuilder();
        var queue = app.AddQueue("Jobs").WithVisibilityTimeout(TimeSpan.FromSeconds(10));
        app.AddFunction("Worker", Handler).WithTimeout(TimeSpan.FromSeconds(30)).WithEventSource(queue);

        var error = Assert.Throws<InvalidOperationException>(app.Build);
        Assert.Contains("Queue Jobs's visibility timeout (10 s) is shorter than function Worker's timeout (30 s)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[1]")]
    public void A_rule_needs_a_non_empty_json_object_pattern(string pattern)
    {
        var app = new AppModelBuilder();
        var bus = app.AddEventBus("bus");
        Assert.Throws<ArgumentException>(() => app.AddRule("R", bus, pattern));
    }

    [Fact]
    public void Invalid_names_and_limits_are_named_where_they_are_declared()
    {
        var app = new AppModelBuilder();
        Assert.Contains("Bucket name 'Uploads'", Assert.Throws<ArgumentException>(() => app.AddBucket("Uploads")).Message, StringComparison.Ordinal);
        Assert.Contains("default event bus", Assert.Throws<ArgumentException>(() => app.AddEventBus("default")).Message, StringComparison.Ordinal);
        Assert.Contains("Queue name 'a b'", Assert.Throws<ArgumentException>(() => app.AddQueue("a b")).Message, StringComparison.Ordinal);
        var queue = app.AddQueue("q");
        Assert.Contains("maxReceiveCount 0", Assert.Throws<ArgumentException>(() => queue.WithDeadLetterQueue(app.AddQueue("dlq"), 0)).Message, StringComparison.Ordinal);
        var function = app.AddFunction("f", Handler);
        Assert.Contains("batching window", Assert.Throws<ArgumentException>(() => function.WithEventSource(queue, batchSize: 100)).Message, StringComparison.Ordinal);
        Assert.Contains("s3:ObjectMade", Assert.Throws<ArgumentException>(() => app.AddBucket("b-1").WithNotification(function, ["s3:ObjectMade"])).Message, StringComparison.Ordinal);
        Assert.Contains("raw message delivery", Assert.Throws<ArgumentException>(() => app.AddTopic("t").WithSubscription(function, rawMessageDelivery: true)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_targets_and_subscribers_must_be_functions_queues_or_topics()
    {
        var app = new AppModelBuilder();
        var bus = app.AddEventBus("bus");
        var table = app.AddTable("Table", "id");
        Assert.Throws<ArgumentException>(() => app.AddRule("R", bus, """{"source":["x"]}""").WithTarget(table));
        Assert.Throws<ArgumentException>(() => app.AddTopic("T").WithSubscription(table));
    }
}
