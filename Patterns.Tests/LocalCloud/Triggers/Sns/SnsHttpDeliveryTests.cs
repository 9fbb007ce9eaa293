using System.Text.Json;
using Patterns.Tests.Support;
using static Patterns.Tests.LocalCloud.Triggers.Sns.TriggerTestKit;

namespace Patterns.Tests.LocalCloud.Triggers.Sns;

/// <summary>HTTP/S subscriptions: confirmation through the SubscribeURL first, then notifications with SNS's headers, raw or wrapped; a failing endpoint is retried, then dead-lettered.</summary>
public sealed class SnsHttpDeliveryTests(SnsHttpFixture fixture) : IClassFixture<SnsHttpFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly SnsApi _sns = new(fixture.Edge);

    [Fact]
    public async Task An_HTTP_subscription_is_confirmed_through_its_SubscribeURL_and_then_receives_notifications()
    {
        await using var endpoint = new RecordingEndpoint();
        var topicArn = await _sns.CreateTopicAsync("http-topic");

        var subscribe = await _sns.CallAsync(("Action", "Subscribe"), ("TopicArn", topicArn), ("Protocol", "http"), ("Endpoint", endpoint.Url));
        Assert.Equal("pending confirmation", SnsApi.Value(subscribe, "SubscriptionArn"));

        var confirmation = await Poll.UntilAsync(() => Task.FromResult(endpoint.Received.ToList()), r => r.Count >= 1, Deadline, "the SubscriptionConfirmation");
        var request = Assert.Single(confirmation);
        Assert.Equal("SubscriptionConfirmation", request.Headers["x-amz-sns-message-type"]);
        Assert.Equal(topicArn, request.Headers["x-amz-sns-topic-arn"]);
        Assert.Equal("text/plain; charset=UTF-8", request.Headers["Content-Type"]);
        using var document = JsonDocument.Parse(request.Body);
        var root = document.RootElement;
        Assert.Equal(
            ["Type", "MessageId", "Token", "TopicArn", "Message", "SubscribeURL", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(request.Headers["x-amz-sns-message-id"], root.GetProperty("MessageId").GetString());

        // Published before the confirmation: not delivered, as in AWS.
        await _sns.PublishAsync(topicArn, "too early");
        var listed = await _sns.CallAsync(("Action", "ListSubscriptionsByTopic"), ("TopicArn", topicArn));
        Assert.Equal("PendingConfirmation", SnsApi.Value(listed, "SubscriptionArn"));

        // The endpoint follows the SubscribeURL (unsigned, as an HTTP endpoint does).
        using var http = new HttpClient();
        var confirmed = System.Xml.Linq.XDocument.Parse(await http.GetStringAsync(root.GetProperty("SubscribeURL").GetString()));
        var subscriptionArn = SnsApi.Value(confirmed, "SubscriptionArn");
        Assert.StartsWith(topicArn + ":", subscriptionArn);

        var messageId = await _sns.PublishAsync(topicArn, "after confirmation", "Hi", ("k", "String", "v"));
        var posts = await Poll.UntilAsync(() => Task.FromResult(endpoint.Received.ToList()), r => r.Count >= 2, Deadline, "the notification");
        var notification = posts[1];
        Assert.Equal("Notification", notification.Headers["x-amz-sns-message-type"]);
        Assert.Equal(messageId, notification.Headers["x-amz-sns-message-id"]);
        Assert.Equal(topicArn, notification.Headers["x-amz-sns-topic-arn"]);
        Assert.Equal(subscriptionArn, notification.Headers["x-amz-sns-subscription-arn"]);
        Assert.Equal("Amazon Simple Notification Service Agent", notification.Headers["User-Agent"]);
        using var body = JsonDocument.Parse(notification.Body);
        Assert.Equal("after confirmation", body.RootElement.GetProperty("Message").GetString());
        Assert.Equal("Hi", body.RootElement.GetProperty("Subject").GetString());
        Assert.Equal("""{"Type":"String","Value":"v"}""", body.RootElement.GetProperty("MessageAttributes").GetProperty("k").GetRawText());
        Assert.DoesNotContain(endpoint.Received, p => p.Body.Contains("too early", StringComparison.Ordinal));

        // Raw delivery: the message itself, flagged by x-amz-sns-rawdelivery.
        await _sns.CallAsync(("Action", "SetSubscriptionAttributes"), ("SubscriptionArn", subscriptionArn), ("AttributeName", "RawMessageDelivery"), ("AttributeValue", "true"));
        await _sns.PublishAsync(topicArn, "raw body");
        var raw = (await Poll.UntilAsync(() => Task.FromResult(endpoint.Received.ToList()), r => r.Count >= 3, Deadline, "the raw notification"))[2];
        Assert.Equal("raw body", raw.Body);
        Assert.Equal("true", raw.Headers["x-amz-sns-rawdelivery"]);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_and_then_the_message_goes_to_the_dead_letter_queue()
    {
        await using var endpoint = new RecordingEndpoint();
        using var sqs = Sqs(fixture.Cloud.EdgeUrl);
        var dlqUrl = (await sqs.CreateQueueAsync("http-dlq")).QueueUrl;
        var topicArn = await _sns.CreateTopicAsync("failing-topic");
        await _sns.CallAsync(("Action", "Subscribe"), ("TopicArn", topicArn), ("Protocol", "http"), ("Endpoint", endpoint.Url),
            ("Attributes.entry.1.key", "RedrivePolicy"), ("Attributes.entry.1.value", JsonSerializer.Serialize(new { deadLetterTargetArn = QueueArn("http-dlq") })));
        var confirmation = (await Poll.UntilAsync(() => Task.FromResult(endpoint.Received.ToList()), r => r.Count >= 1, Deadline, "the SubscriptionConfirmation"))[0];
        using (var document = JsonDocument.Parse(confirmation.Body))
        {
            var confirmed = await _sns.CallAsync(("Action", "ConfirmSubscription"), ("TopicArn", topicArn), ("Token", document.RootElement.GetProperty("Token").GetString()!));
            Assert.StartsWith(topicArn + ":", SnsApi.Value(confirmed, "SubscriptionArn"));
        }
        endpoint.Status = () => 503;

        var messageId = await _sns.PublishAsync(topicArn, "never accepted");

        var dead = Assert.Single(await ReceiveAsync(sqs, dlqUrl, 1, Deadline));
        using var body = JsonDocument.Parse(dead.Body);
        Assert.Equal(messageId, body.RootElement.GetProperty("MessageId").GetString());
        // One attempt and three retries (the default delivery policy), then the DLQ.
        Assert.Equal(4, endpoint.Received.Count(p => p.Headers["x-amz-sns-message-type"] == "Notification"));
    }
}
