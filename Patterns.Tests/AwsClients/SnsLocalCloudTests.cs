using System.Text.Json;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.Sns;
using Patterns.Tests.Support;

namespace Patterns.Tests.AwsClients;

/// <summary>The SNS client against SNS in a real local cloud (moto behind the edge), delivering to SQS.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class SnsLocalCloudTests(LocalCloudFixture fixture)
{
    private SnsClient Client() => new(new AwsClientOptions { Endpoint = fixture.Cloud.EdgeUrl, Region = "us-east-1", Credentials = AwsCredentials.Test });

    [Fact]
    public async Task A_subscribed_queue_receives_the_published_message_in_the_SNS_envelope()
    {
        using var sns = Client();
        using var queue = await EdgeQueue.CreateAsync(fixture.Cloud.EdgeUrl, UniqueName.For("orders-q"));
        var topicArn = (await sns.CreateTopicAsync(new CreateTopicRequest(UniqueName.For("orders")) { Attributes = new Dictionary<string, string> { ["DisplayName"] = "Orders" } })).TopicArn;

        var subscriptionArn = (await sns.SubscribeAsync(new SubscribeRequest(topicArn, "sqs") { Endpoint = queue.Arn, ReturnSubscriptionArn = true })).SubscriptionArn;
        var published = await sns.PublishAsync(new PublishRequest("""{"orderId":"o-1"}""")
        {
            TopicArn = topicArn,
            Subject = "Order placed",
            MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["eventType"] = MessageAttributeValue.String("OrderPlaced") },
        });

        Assert.StartsWith(topicArn + ":", subscriptionArn, StringComparison.Ordinal);
        Assert.Equal("Orders", (await sns.GetTopicAttributesAsync(topicArn)).Attributes["DisplayName"]);
        var subscription = Assert.Single(await sns.ListAllSubscriptionsByTopicAsync(topicArn));
        Assert.Equal((subscriptionArn, "sqs", queue.Arn), (subscription.SubscriptionArn, subscription.Protocol, subscription.Endpoint));

        var message = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(20)));
        using var envelope = JsonDocument.Parse(message.Body);
        var root = envelope.RootElement;
        Assert.Equal("Notification", root.GetProperty("Type").GetString());
        Assert.Equal(published.MessageId, root.GetProperty("MessageId").GetString());
        Assert.Equal(topicArn, root.GetProperty("TopicArn").GetString());
        Assert.Equal("Order placed", root.GetProperty("Subject").GetString());
        Assert.Equal("""{"orderId":"o-1"}""", root.GetProperty("Message").GetString());
        var attribute = root.GetProperty("MessageAttributes").GetProperty("eventType");
        Assert.Equal(("String", "OrderPlaced"), (attribute.GetProperty("Type").GetString(), attribute.GetProperty("Value").GetString()));
    }

    [Fact]
    public async Task Raw_delivery_with_a_filter_policy_delivers_only_matching_messages_without_the_envelope()
    {
        using var sns = Client();
        using var queue = await EdgeQueue.CreateAsync(fixture.Cloud.EdgeUrl, UniqueName.For("billing-q"));
        var topicArn = (await sns.CreateTopicAsync(new CreateTopicRequest(UniqueName.For("events")))).TopicArn;
        var subscriptionArn = (await sns.SubscribeAsync(new SubscribeRequest(topicArn, "sqs")
        {
            Endpoint = queue.Arn,
            Attributes = new Dictionary<string, string> { ["FilterPolicy"] = """{"eventType":["OrderPlaced"]}""" },
            ReturnSubscriptionArn = true,
        })).SubscriptionArn;
        await sns.SetSubscriptionAttributesAsync(new SetSubscriptionAttributesRequest(subscriptionArn, "RawMessageDelivery", "true"));

        var batch = await sns.PublishBatchAsync(new PublishBatchRequest(topicArn,
        [
            new PublishBatchRequestEntry("cancelled", "not for billing") { MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["eventType"] = MessageAttributeValue.String("OrderCancelled") } },
            new PublishBatchRequestEntry("placed", "for billing") { MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["eventType"] = MessageAttributeValue.String("OrderPlaced") } },
        ]));

        var attributes = (await sns.GetSubscriptionAttributesAsync(subscriptionArn)).Attributes;
        Assert.Equal("true", attributes["RawMessageDelivery"]);
        Assert.Equal("""{"eventType":["OrderPlaced"]}""", attributes["FilterPolicy"]);
        Assert.Equal(["cancelled", "placed"], batch.Successful.Select(s => s.Id).Order());
        Assert.Empty(batch.Failed);
        var message = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(20)));
        Assert.Equal("for billing", message.Body);
    }

    [Fact]
    public async Task Missing_topics_and_subscriptions_are_NotFound_and_deleted_topics_go_from_the_list()
    {
        using var sns = Client();
        var topicArn = (await sns.CreateTopicAsync(new CreateTopicRequest(UniqueName.For("short-lived")))).TopicArn;
        Assert.Contains(await sns.ListAllTopicsAsync(), t => t.TopicArn == topicArn);

        await sns.DeleteTopicAsync(topicArn);

        Assert.DoesNotContain(await sns.ListAllTopicsAsync(), t => t.TopicArn == topicArn);
        var missingTopic = await Assert.ThrowsAsync<AwsServiceException>(() => sns.GetTopicAttributesAsync(topicArn));
        Assert.Equal(("NotFound", 404), (missingTopic.ErrorCode, missingTopic.StatusCode));
        var noTopic = await Assert.ThrowsAsync<AwsServiceException>(() => sns.PublishAsync(new PublishRequest("x") { TopicArn = topicArn }));
        Assert.Equal("NotFound", noTopic.ErrorCode);
    }
}
