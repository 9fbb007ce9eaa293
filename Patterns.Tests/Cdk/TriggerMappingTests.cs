using System.Text.Json.Nodes;
using Amazon.CDK;
using Patterns.Cdk;
using Patterns.Cdk.Mapping;
using Patterns.Hosting.Model;
using Patterns.Tests.Support;
using static Patterns.Tests.Cdk.TemplateJson;

namespace Patterns.Tests.Cdk;

/// <summary>The trigger mapping's cases beyond the app's patterns, on <see cref="TriggerVariants"/>, and what it refuses.</summary>
[Collection(CdkCollection.Name)]
public sealed class TriggerMappingTests(SynthesizedApp synthesized)
{
    private TemplateJson Json => synthesized.Json(SynthesizedApp.TriggerVariantsStackName);

    private string Id(string type, string path) => Json.Exactly(type, path).LogicalId;

    [Fact]
    public void A_function_declared_before_what_it_uses_gets_each_identifier()
    {
        var (_, function) = Json.Exactly("AWS::Lambda::Function", $"{TriggerVariants.Function}Function");
        var variables = function["Properties"]!["Environment"]!["Variables"]!.AsObject().ToDictionary(v => v.Key, v => v.Value!.ToJsonString());

        Assert.Equal(Ref(Id("AWS::SQS::Queue", TriggerVariants.Inbox)), variables["INBOX_URL"]);
        Assert.Equal(Ref(Id("AWS::SNS::Topic", TriggerVariants.Topic)), variables["ALERTS_ARN"]);
        Assert.Equal(GetAtt(Id("AWS::Events::EventBus", "ordersbus"), "Name"), variables["BUS_NAME"]);
        Assert.Equal(Ref(Id("AWS::S3::Bucket", "variantfiles")), variables["FILES_BUCKET"]);
        Assert.Equal(Ref(Id("AWS::Cognito::UserPool", TriggerVariants.Pool)), variables["POOL_ID"]);
        Assert.Equal(Ref(Id("AWS::Cognito::UserPoolClient", TriggerVariants.Client)), variables["CLIENT_ID"]);
    }

    [Fact]
    public void Each_access_level_grants_its_actions_on_that_resource_alone()
    {
        var inbox = GetAtt(Id("AWS::SQS::Queue", TriggerVariants.Inbox), "Arn");
        var topic = Ref(Id("AWS::SNS::Topic", TriggerVariants.Topic));
        var bus = GetAtt(Id("AWS::Events::EventBus", "ordersbus"), "Arn");
        var files = Objects(Id("AWS::S3::Bucket", "variantfiles"));
        var pool = GetAtt(Id("AWS::Cognito::UserPool", TriggerVariants.Pool), "Arn");
        var logGroup = Id("AWS::Logs::LogGroup", $"{TriggerVariants.Function}LogGroup");

        var expected = Json.BaseGrants(logGroup)
            // Read on a queue, and what the event source mapping needs (CDK adds GetQueueUrl).
            .Concat(new[] { "ChangeMessageVisibility", "DeleteMessage", "GetQueueAttributes", "GetQueueUrl", "ReceiveMessage" }.Select(a => $"sqs:{a} on {inbox}"))
            .Concat(new[] { "sns:GetTopicAttributes", "sns:Publish" }.Select(a => $"{a} on {topic}"))
            .Append($"events:DescribeEventBus on {bus}")
            .Concat(new[] { "s3:GetObject", "s3:PutObject" }.Select(a => $"{a} on {files}"))
            .Concat(new[] { "AdminConfirmSignUp", "AdminCreateUser", "AdminDeleteUser", "AdminSetUserPassword", "AdminUpdateUserAttributes" }.Select(a => $"cognito-idp:{a} on {pool}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, Json.Grants(Id("AWS::IAM::Role", $"{TriggerVariants.Function}Role")).Distinct());
    }

    [Fact]
    public void An_event_source_with_a_batching_window_takes_batches_above_10()
    {
        var (_, mapping) = Assert.Single(Json.Resources("AWS::Lambda::EventSourceMapping"));
        var properties = mapping["Properties"]!;

        Assert.Equal(100, (int?)properties["BatchSize"]);
        Assert.Equal(20, (int?)properties["MaximumBatchingWindowInSeconds"]);
        Assert.Null(properties["FunctionResponseTypes"]);
        Assert.Equal(60, (int?)Json.Exactly("AWS::SQS::Queue", TriggerVariants.Inbox).Resource["Properties"]!["VisibilityTimeout"]);
    }

    [Fact]
    public void Subscriptions_carry_their_filter_policies_exactly_and_a_queue_its_raw_delivery()
    {
        var subscriptions = Json.Resources("AWS::SNS::Subscription").Select(s => s.Resource["Properties"]!).ToList();
        var queue = Assert.Single(subscriptions, s => (string?)s["Protocol"] == "sqs");
        var lambda = Assert.Single(subscriptions, s => (string?)s["Protocol"] == "lambda");

        Assert.Equal(GetAtt(Id("AWS::SQS::Queue", TriggerVariants.Archive), "Arn"), queue["Endpoint"]!.ToJsonString());
        Assert.True((bool?)queue["RawMessageDelivery"]);
        AssertJson(TriggerVariants.ArchiveFilterPolicy, queue["FilterPolicy"]);
        Assert.Null(lambda["RawMessageDelivery"]);
        AssertJson(TriggerVariants.WorkerFilterPolicy, lambda["FilterPolicy"]);
        Assert.All(subscriptions, s => Assert.Null(s["FilterPolicyScope"]));
    }

    [Fact]
    public void The_rule_keeps_its_content_matchers_and_passes_the_input_transformer_to_its_queue_target()
    {
        var (_, rule) = Assert.Single(Json.Resources("AWS::Events::Rule"));
        var properties = rule["Properties"]!;
        AssertJson(TriggerVariants.EventPattern, properties["EventPattern"]);

        var targets = properties["Targets"]!.AsArray();
        Assert.Equal(2, targets.Count);
        Assert.Equal(GetAtt(Id("AWS::SQS::Queue", TriggerVariants.Archive), "Arn"), targets[0]!["Arn"]!.ToJsonString());
        var transformer = targets[0]!["InputTransformer"]!;
        Assert.Equal(TriggerVariants.InputTemplate, (string?)transformer["InputTemplate"]);
        AssertJson("""{"customer": "$.detail.customer", "orderId": "$.detail.orderId"}""", transformer["InputPathsMap"]);
        Assert.Equal(Ref(Id("AWS::SNS::Topic", TriggerVariants.Topic)), targets[1]!["Arn"]!.ToJsonString());
        Assert.Null(targets[1]!["InputTransformer"]);
    }

    [Fact]
    public void Only_the_rule_and_the_topic_may_send_to_the_archive_queue_and_EventBridge_may_publish_to_the_topic()
    {
        var (ruleId, _) = Assert.Single(Json.Resources("AWS::Events::Rule"));
        var archive = Id("AWS::SQS::Queue", TriggerVariants.Archive);
        var topic = Id("AWS::SNS::Topic", TriggerVariants.Topic);

        var (_, queuePolicy) = Assert.Single(Json.Resources("AWS::SQS::QueuePolicy"));
        Assert.Equal([Ref(archive)], queuePolicy["Properties"]!["Queues"]!.AsArray().Select(q => q!.ToJsonString()));
        var statements = queuePolicy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!).ToList();
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s =>
        {
            Assert.Contains("sqs:SendMessage", Pattern01StackTests.Actions(s));
            Assert.Equal(GetAtt(archive, "Arn"), s["Resource"]!.ToJsonString());
        });
        var fromRule = Assert.Single(statements, s => (string?)s["Principal"]?["Service"] == "events.amazonaws.com");
        Assert.Equal(GetAtt(ruleId, "Arn"), fromRule["Condition"]!["ArnEquals"]!["aws:SourceArn"]!.ToJsonString());
        var fromTopic = Assert.Single(statements, s => (string?)s["Principal"]?["Service"] == "sns.amazonaws.com");
        Assert.Equal(Ref(topic), fromTopic["Condition"]!["ArnEquals"]!["aws:SourceArn"]!.ToJsonString());

        var (_, topicPolicy) = Assert.Single(Json.Resources("AWS::SNS::TopicPolicy"));
        var publish = Assert.Single(topicPolicy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal(("sns:Publish", "events.amazonaws.com"), ((string?)publish["Action"], (string?)publish["Principal"]?["Service"]));
        Assert.Equal(Ref(topic), publish["Resource"]!.ToJsonString());
    }

    [Fact]
    public void A_notification_with_two_event_types_and_a_key_filter_gives_one_configuration_per_type()
    {
        var (_, notifications) = Assert.Single(Json.Resources("Custom::S3BucketNotifications"));
        var configurations = notifications["Properties"]!["NotificationConfiguration"]!["LambdaFunctionConfigurations"]!.AsArray();

        Assert.Equal(["s3:ObjectCreated:Put", "s3:ObjectRemoved:*"], configurations.Select(c => (string?)c!["Events"]![0]));
        Assert.All(configurations, c =>
        {
            Assert.Single(c!["Events"]!.AsArray());
            var rules = c["Filter"]!["Key"]!["FilterRules"]!.AsArray().Select(r => ((string?)r!["Name"], (string?)r["Value"]));
            Assert.Equal([("prefix", "incoming/"), ("suffix", ".csv")], rules.Order());
        });
        Assert.Single(Json.Resources("AWS::Lambda::Permission"), p => (string?)p.Resource["Properties"]?["Principal"] == "s3.amazonaws.com");
    }

    [Fact]
    public void A_Cognito_authorizer_and_a_TOKEN_authorizer_protect_their_routes_and_an_unused_one_is_not_deployed()
    {
        var authorizers = Json.Resources("AWS::ApiGateway::Authorizer").ToDictionary(a => (string)a.Resource["Properties"]!["Name"]!, a => a);
        Assert.Equal(["KeyAuth", "MembersAuth"], authorizers.Keys.Order(StringComparer.Ordinal));

        var cognito = authorizers["MembersAuth"].Resource["Properties"]!;
        Assert.Equal("COGNITO_USER_POOLS", (string?)cognito["Type"]);
        Assert.Equal([GetAtt(Id("AWS::Cognito::UserPool", TriggerVariants.Pool), "Arn")], cognito["ProviderARNs"]!.AsArray().Select(p => p!.ToJsonString()));
        Assert.Equal("method.request.header.Authorization", (string?)cognito["IdentitySource"]);
        Assert.Equal(0, (int?)cognito["AuthorizerResultTtlInSeconds"]);

        var token = authorizers["KeyAuth"].Resource["Properties"]!;
        Assert.Equal("TOKEN", (string?)token["Type"]);
        Assert.Equal("method.request.header.X-Api-Key", (string?)token["IdentitySource"]);
        Assert.Equal(TriggerVariants.ValidationExpression, (string?)token["IdentityValidationExpression"]);
        Assert.Equal(300, (int?)token["AuthorizerResultTtlInSeconds"]);

        var methods = Json.Resources("AWS::ApiGateway::Method").ToDictionary(m => (string)m.Resource["Properties"]!["HttpMethod"]!, m => m.Resource["Properties"]!);
        Assert.Equal(("COGNITO_USER_POOLS", Ref(authorizers["MembersAuth"].LogicalId)), ((string?)methods["GET"]["AuthorizationType"], methods["GET"]["AuthorizerId"]!.ToJsonString()));
        Assert.Equal(("CUSTOM", Ref(authorizers["KeyAuth"].LogicalId)), ((string?)methods["POST"]["AuthorizationType"], methods["POST"]["AuthorizerId"]!.ToJsonString()));
    }

    [Fact]
    public void Outputs_name_each_queue_topic_bus_bucket_pool_client_function_and_API()
    {
        Assert.Equal(
            [
                "AlertsTopicArn", "ArchiveQueueUrl", "InboxQueueUrl", "MembersAPIUrl", "MembersUserPoolId", "MembersWebClientId",
                "WorkerFunctionName", "WorkerLogGroupName", "ordersbusEventBusName", "variantfilesBucketName",
            ],
            Json.Root["Outputs"]!.AsObject().Select(o => o.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Queues_that_are_each_others_dead_letter_queue_are_refused_naming_the_cycle()
    {
        var app = new AppModelBuilder();
        var first = app.AddQueue("First");
        var second = app.AddQueue("Second");
        first.WithDeadLetterQueue(second, 3);
        second.WithDeadLetterQueue(first, 3);

        var exception = Assert.Throws<InvalidOperationException>(() => new AppStack(new App(), "Cycle", app.Build(), new CloudOptions(null)));

        Assert.StartsWith("First needs Second needs First: these resources need each other to exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_S3_event_type_CDK_cannot_express_is_refused_naming_it()
    {
        var app = new AppModelBuilder();
        var function = app.AddFunction("Restorer", "Functions::Functions.Variants.Restorer::HandleAsync");
        app.AddBucket("restore-bucket").WithNotification(function, ["s3:ObjectRestore:*"]);

        var exception = Assert.Throws<NotSupportedException>(() => new AppStack(new App(), "Restore", app.Build(), new CloudOptions(FunctionsBuild.Directory)));

        Assert.StartsWith("Bucket restore-bucket: the event type s3:ObjectRestore:* cannot be deployed", exception.Message, StringComparison.Ordinal);
        Assert.Contains("s3:ObjectRestore:Completed", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_S3_event_type_the_mapping_knows_is_configured_under_its_own_name()
    {
        // Built as records: the builder's check does not know the types without a colon part (s3:LifecycleTransition).
        string[] names = [.. S3EventTypes.Names];
        var model = new AppModel(
            [new Function("Listener", "Functions::Functions.Variants.Listener::HandleAsync"), new Bucket("every-event") { Notifications = [new BucketNotification("Listener", [.. names])] }],
            null);
        var stack = new AppStack(new App(), "EveryEvent", model, new CloudOptions(FunctionsBuild.Directory));

        var template = Amazon.CDK.Assertions.Template.FromStack(stack);

        template.HasResourceProperties("Custom::S3BucketNotifications", Pattern01StackTests.Props(("NotificationConfiguration", Pattern01StackTests.Props(
            ("LambdaFunctionConfigurations", names.Select(name => Pattern01StackTests.Props(("Events", new object[] { name }))).ToArray())))));
    }

    [Fact]
    public void A_pattern_and_a_filter_policy_matching_null_are_passed_as_their_JSON_text()
    {
        const string pattern = """{"detail": {"coupon": [null], "total": [{"numeric": [">", 0]}]}}""";
        const string policy = """{"discount": [null, "none"]}""";
        var app = new AppModelBuilder();
        var queue = app.AddQueue("Orders");
        app.AddTopic("Events").WithSubscription(queue, policy);
        app.AddRule("NoCoupon", app.AddEventBus("shop-bus"), pattern).WithTarget(queue);
        var stack = new AppStack(new App(), "Nulls", app.Build(), new CloudOptions(null));

        var template = Amazon.CDK.Assertions.Template.FromStack(stack);

        template.HasResourceProperties("AWS::Events::Rule", Pattern01StackTests.Props(("EventPattern", pattern)));
        template.HasResourceProperties("AWS::SNS::Subscription", Pattern01StackTests.Props(("FilterPolicy", policy)));
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}, got {actual?.ToJsonString() ?? "nothing"}.");
}
