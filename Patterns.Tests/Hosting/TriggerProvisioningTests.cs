using Amazon.S3.Model;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Hosting.Local;

namespace Patterns.Tests.Hosting;

/// <summary>
/// Provisioning the triggers of Patterns 3, 5 and 6 makes the calls a deployment makes: a bus and
/// rule with both targets, a topic with three Lambda subscriptions, two buckets and a
/// notification, each invoked function allowed to be invoked by that service for that source;
/// and a second run against the same endpoint changes nothing.
/// </summary>
public sealed class TriggerProvisioningTests(ProvisioningFixture cloud) : IClassFixture<ProvisioningFixture>
{
    private Provisioner Provisioner =>
        new(cloud.Clients, new LocalAppOptions { LocalCloud = cloud.Options }, PatternsApp.FunctionsProject.BuildDirectory, cloud.Host.EdgeUrl);

    [Fact]
    public async Task Rules_subscriptions_and_notifications_are_wired_and_a_second_run_changes_nothing()
    {
        var model = PatternsApp.Build(new Pattern03EventDriven(), new Pattern05FanOut(), new Pattern06FilePipeline());
        var first = await Provisioner.ProvisionAsync(model, CancellationToken.None);
        var second = await Provisioner.ProvisionAsync(model, CancellationToken.None);

        Assert.Equal(first.Topics.ToArray(), second.Topics.ToArray());
        var rule = Assert.Single(second.Rules);
        Assert.Equal(first.Rules[0].Arn, rule.Arn);
        var targets = await cloud.Clients.Events.ListAllTargetsByRuleAsync(rule.Name, rule.BusName);
        Assert.Equal(["InventoryReducer", "OrderNotifier"], targets.Select(t => t.Id).Order());
        Assert.All(targets, t => Assert.Equal(second.Functions.Single(f => f.Name == t.Id).Arn, t.Arn));
        var describedRule = await cloud.Clients.Events.DescribeRuleAsync(rule.Name, rule.BusName);
        Assert.Equal("ENABLED", describedRule.State);

        var topic = second.Topic(Pattern05FanOut.TopicName);
        var subscriptions = await cloud.Clients.Sns.ListAllSubscriptionsByTopicAsync(topic.Arn);
        Assert.Equal(3, subscriptions.Count);
        Assert.All(subscriptions, s => Assert.Equal("lambda", s.Protocol));
        Assert.Equal(
            Pattern05FanOut.SubscriberNames.Select(n => second.Functions.Single(f => f.Name == n).Arn).Order(),
            subscriptions.Select(s => s.Endpoint).Order());

        var notification = await cloud.Clients.S3.GetBucketNotificationAsync(new GetBucketNotificationRequest { BucketName = Pattern06FilePipeline.UploadsBucket });
        var lambdaConfiguration = Assert.Single(notification.LambdaFunctionConfigurations);
        Assert.Equal(second.Functions.Single(f => f.Name == Pattern06FilePipeline.ProcessorName).Arn, lambdaConfiguration.FunctionArn);
        Assert.Equal("s3:ObjectCreated:*", Assert.Single(lambdaConfiguration.Events).Value);

        // Each function may be invoked by its trigger's service, for that source only.
        var notifierPolicy = (await cloud.Clients.Lambda.GetPolicyAsync("OrderNotifier")).Policy;
        Assert.Contains("events.amazonaws.com", notifierPolicy, StringComparison.Ordinal);
        Assert.Contains(rule.Arn, notifierPolicy, StringComparison.Ordinal);
        var thumbnailPolicy = (await cloud.Clients.Lambda.GetPolicyAsync("ThumbnailGenerator")).Policy;
        Assert.Contains("sns.amazonaws.com", thumbnailPolicy, StringComparison.Ordinal);
        Assert.Contains(topic.Arn, thumbnailPolicy, StringComparison.Ordinal);
        var processorPolicy = (await cloud.Clients.Lambda.GetPolicyAsync(Pattern06FilePipeline.ProcessorName)).Policy;
        Assert.Contains("s3.amazonaws.com", processorPolicy, StringComparison.Ordinal);
        Assert.Contains("arn:aws:s3:::serverless-uploads", processorPolicy, StringComparison.Ordinal);

        // References resolve to each kind's identifier.
        var publisher = (await cloud.Clients.Lambda.GetFunctionAsync(Pattern05FanOut.PublisherName)).Configuration;
        Assert.Equal(topic.Arn, publisher.Environment!.Variables!["TOPIC_ARN"]);
        var orderService = (await cloud.Clients.Lambda.GetFunctionAsync(Pattern03EventDriven.PublisherName)).Configuration;
        Assert.Equal("ecommerce-events", orderService.Environment!.Variables!["EVENT_BUS_NAME"]);
        var processor = (await cloud.Clients.Lambda.GetFunctionAsync(Pattern06FilePipeline.ProcessorName)).Configuration;
        Assert.Equal("serverless-processed", processor.Environment!.Variables!["PROCESSED_BUCKET"]);
    }
}
