using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Patterns.Tests.Support;
using static Patterns.Tests.LocalCloud.Triggers.Sns.TriggerTestKit;

namespace Patterns.Tests.LocalCloud.Triggers.Sns;

/// <summary>Publish through the edge reaches Lambda and SQS subscriptions once each, in AWS's shapes, filtered as the subscription says.</summary>
public sealed partial class SnsDeliveryTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly SnsApi _sns = new(fixture.Edge);

    [Fact]
    public async Task A_Lambda_subscriber_receives_the_SNS_event_field_by_field()
    {
        const string function = "SnsEnvelope";
        await fixture.CreateFunctionAsync(function, PrinterHandler);
        var topicArn = await _sns.CreateTopicAsync("envelope-topic");
        await AllowAsync(fixture.Edge, function, "sns.amazonaws.com", topicArn);
        var subscriptionArn = await _sns.SubscribeAsync(topicArn, "lambda", $"arn:aws:lambda:us-east-1:{Account}:function:{function}");

        var messageId = await _sns.PublishAsync(topicArn, "hello from SNS", "Greeting",
            ("color", "String", "red"), ("count", "Number", "3"), ("blob", "Binary", Convert.ToBase64String([1, 2, 3])));
        var events = await PrintedEventsAsync(fixture, function, 1);

        var record = Assert.Single(Assert.Single(events).GetProperty("Records").EnumerateArray());
        Assert.Equal(["EventSource", "EventVersion", "EventSubscriptionArn", "Sns"], record.EnumerateObject().Select(p => p.Name));
        Assert.Equal("aws:sns", record.GetProperty("EventSource").GetString());
        Assert.Equal("1.0", record.GetProperty("EventVersion").GetString());
        Assert.Equal(subscriptionArn, record.GetProperty("EventSubscriptionArn").GetString());
        var sns = record.GetProperty("Sns");
        Assert.Equal(
            ["Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertUrl", "UnsubscribeUrl", "MessageAttributes"],
            sns.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Notification", sns.GetProperty("Type").GetString());
        Assert.Equal(messageId, sns.GetProperty("MessageId").GetString());
        Assert.Equal(topicArn, sns.GetProperty("TopicArn").GetString());
        Assert.Equal("Greeting", sns.GetProperty("Subject").GetString());
        Assert.Equal("hello from SNS", sns.GetProperty("Message").GetString());
        Assert.Matches(IsoMilliseconds(), sns.GetProperty("Timestamp").GetString());
        Assert.Equal("1", sns.GetProperty("SignatureVersion").GetString());
        Assert.Contains("Action=Unsubscribe", sns.GetProperty("UnsubscribeUrl").GetString());
        Assert.EndsWith("SubscriptionArn=" + subscriptionArn, sns.GetProperty("UnsubscribeUrl").GetString());
        var attributes = sns.GetProperty("MessageAttributes");
        Assert.Equal("""{"Type":"String","Value":"red"}""", attributes.GetProperty("color").GetRawText());
        Assert.Equal("""{"Type":"Number","Value":"3"}""", attributes.GetProperty("count").GetRawText());
        Assert.Equal("""{"Type":"Binary","Value":"AQID"}""", attributes.GetProperty("blob").GetRawText());

        // The signature verifies (SHA1withRSA, SNS's canonical string) with the certificate the edge serves.
        var pem = await fixture.Edge.GetStringAsync(sns.GetProperty("SigningCertUrl").GetString());
        using var certificate = X509Certificate2.CreateFromPem(pem);
        using var key = certificate.GetRSAPublicKey()!;
        var canonical = $"Message\nhello from SNS\nMessageId\n{messageId}\nSubject\nGreeting\nTimestamp\n{sns.GetProperty("Timestamp").GetString()}\nTopicArn\n{topicArn}\nType\nNotification\n";
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(canonical), Convert.FromBase64String(sns.GetProperty("Signature").GetString()!), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));

        // Without a subject, Subject is null and MessageAttributes an empty object.
        await _sns.PublishAsync(topicArn, "no subject");
        var second = (await PrintedEventsAsync(fixture, function, 2))[1].GetProperty("Records")[0].GetProperty("Sns");
        Assert.Equal(JsonValueKind.Null, second.GetProperty("Subject").ValueKind);
        Assert.Equal("{}", second.GetProperty("MessageAttributes").GetRawText());
    }

    [Fact]
    public async Task Two_Lambda_subscribers_each_get_one_invocation_per_publish()
    {
        var topicArn = await _sns.CreateTopicAsync("fanout-topic");
        foreach (var function in new[] { "FanoutA", "FanoutB" })
        {
            await fixture.CreateFunctionAsync(function, PrinterHandler);
            await AllowAsync(fixture.Edge, function, "sns.amazonaws.com", topicArn);
            await _sns.SubscribeAsync(topicArn, "lambda", $"arn:aws:lambda:us-east-1:{Account}:function:{function}");
        }

        var first = await _sns.PublishAsync(topicArn, "one");
        var second = await _sns.PublishAsync(topicArn, "two");

        foreach (var function in new[] { "FanoutA", "FanoutB" })
        {
            var events = await PrintedEventsAsync(fixture, function, 2);
            var ids = events.Select(e => e.GetProperty("Records")[0].GetProperty("Sns").GetProperty("MessageId").GetString()).Order().ToList();
            Assert.Equal(new[] { first, second }.Order(), ids);
        }
    }

    [Fact]
    public async Task Without_a_permission_for_SNS_the_function_is_not_invoked_and_the_message_goes_to_the_DLQ()
    {
        const string function = "SnsNotAllowed";
        await fixture.CreateFunctionAsync(function, PrinterHandler);
        using var sqs = Sqs(fixture);
        var dlqUrl = (await sqs.CreateQueueAsync("sns-lambda-dlq")).QueueUrl;
        var topicArn = await _sns.CreateTopicAsync("no-permission-topic");
        await _sns.SubscribeAsync(topicArn, "lambda", $"arn:aws:lambda:us-east-1:{Account}:function:{function}",
            ("RedrivePolicy", JsonSerializer.Serialize(new { deadLetterTargetArn = QueueArn("sns-lambda-dlq") })));

        var messageId = await _sns.PublishAsync(topicArn, "refused");

        var dead = Assert.Single(await ReceiveAsync(sqs, dlqUrl, 1, Deadline));
        using var document = JsonDocument.Parse(dead.Body);
        Assert.Equal(messageId, document.RootElement.GetProperty("MessageId").GetString());
        Assert.Equal("refused", document.RootElement.GetProperty("Message").GetString());
        Assert.Empty(await fixture.FilterLogEventsAsync($"/aws/lambda/{function}"));
    }

    [Fact]
    public async Task An_SQS_subscriber_receives_SNS_JSON_document_unless_raw_delivery_is_on()
    {
        using var sqs = Sqs(fixture);
        var wrappedUrl = (await sqs.CreateQueueAsync("sns-wrapped")).QueueUrl;
        var rawUrl = (await sqs.CreateQueueAsync("sns-raw")).QueueUrl;
        var topicArn = await _sns.CreateTopicAsync("sqs-topic");
        var wrappedSubscription = await _sns.SubscribeAsync(topicArn, "sqs", QueueArn("sns-wrapped"));
        await _sns.SubscribeAsync(topicArn, "sqs", QueueArn("sns-raw"), ("RawMessageDelivery", "true"));

        var messageId = await _sns.PublishAsync(topicArn, """{"order":42}""", null, ("color", "String", "red"), ("sizes", "String.Array", """["S","M"]"""), ("blob", "Binary", "AQID"));

        var wrapped = Assert.Single(await ReceiveAsync(sqs, wrappedUrl, 1, Deadline));
        Assert.StartsWith("{\n  \"Type\" : \"Notification\",\n  \"MessageId\" : ", wrapped.Body);
        using var document = JsonDocument.Parse(wrapped.Body);
        var root = document.RootElement;
        Assert.Equal(
            ["Type", "MessageId", "TopicArn", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(messageId, root.GetProperty("MessageId").GetString());
        Assert.Equal(topicArn, root.GetProperty("TopicArn").GetString());
        Assert.Equal("""{"order":42}""", root.GetProperty("Message").GetString());
        Assert.Matches(IsoMilliseconds(), root.GetProperty("Timestamp").GetString());
        Assert.EndsWith("SubscriptionArn=" + wrappedSubscription, root.GetProperty("UnsubscribeURL").GetString());
        Assert.Equal("""{"Type":"String.Array","Value":"[\"S\",\"M\"]"}""", root.GetProperty("MessageAttributes").GetProperty("sizes").GetRawText());
        Assert.Equal("""{"Type":"Binary","Value":"AQID"}""", root.GetProperty("MessageAttributes").GetProperty("blob").GetRawText());
        Assert.True(wrapped.MessageAttributes is null or { Count: 0 }, "a wrapped message carries its attributes in the body only");

        var raw = Assert.Single(await ReceiveAsync(sqs, rawUrl, 1, Deadline));
        Assert.Equal("""{"order":42}""", raw.Body);
        Assert.Equal("String", raw.MessageAttributes["color"].DataType);
        Assert.Equal("red", raw.MessageAttributes["color"].StringValue);
        Assert.Equal("String.Array", raw.MessageAttributes["sizes"].DataType);
        Assert.Equal([1, 2, 3], raw.MessageAttributes["blob"].BinaryValue.ToArray());
    }

    [Fact]
    public async Task Following_the_UnsubscribeURL_ends_deliveries_to_that_subscription()
    {
        using var sqs = Sqs(fixture);
        var leavingUrl = (await sqs.CreateQueueAsync("leaving")).QueueUrl;
        var stayingUrl = (await sqs.CreateQueueAsync("staying")).QueueUrl;
        var topicArn = await _sns.CreateTopicAsync("unsubscribe-topic");
        await _sns.SubscribeAsync(topicArn, "sqs", QueueArn("leaving"));
        await _sns.SubscribeAsync(topicArn, "sqs", QueueArn("staying"), ("RawMessageDelivery", "true"));
        await _sns.PublishAsync(topicArn, "first");
        using var first = JsonDocument.Parse(Assert.Single(await ReceiveAsync(sqs, leavingUrl, 1, Deadline)).Body);
        await ReceiveAsync(sqs, stayingUrl, 1, Deadline);

        using var http = new HttpClient();
        using var unsubscribed = await http.GetAsync(first.RootElement.GetProperty("UnsubscribeURL").GetString());
        Assert.True(unsubscribed.IsSuccessStatusCode, $"{(int)unsubscribed.StatusCode}: {await unsubscribed.Content.ReadAsStringAsync()}");
        await _sns.PublishAsync(topicArn, "second");

        Assert.Equal("second", Assert.Single(await ReceiveAsync(sqs, stayingUrl, 1, Deadline)).Body);
        var left = (await sqs.ReceiveMessageAsync(new Amazon.SQS.Model.ReceiveMessageRequest { QueueUrl = leavingUrl, MaxNumberOfMessages = 10 })).Messages ?? [];
        Assert.True(left.Count == 0, $"the unsubscribed queue received {left.Count} more message(s): {string.Join(" | ", left.Select(m => m.Body))}");
    }

    [Fact]
    public async Task Filter_policies_on_attributes_and_on_the_body_pass_only_matching_messages()
    {
        using var sqs = Sqs(fixture);
        var allUrl = (await sqs.CreateQueueAsync("filter-all")).QueueUrl;
        var attributesUrl = (await sqs.CreateQueueAsync("filter-attributes")).QueueUrl;
        var bodyUrl = (await sqs.CreateQueueAsync("filter-body")).QueueUrl;
        var topicArn = await _sns.CreateTopicAsync("filter-topic");
        await _sns.SubscribeAsync(topicArn, "sqs", QueueArn("filter-all"), ("RawMessageDelivery", "true"));
        await _sns.SubscribeAsync(topicArn, "sqs", QueueArn("filter-attributes"), ("RawMessageDelivery", "true"),
            ("FilterPolicy", """{"kind":["order"],"total":[{"numeric":[">=",100]}]}"""));
        await _sns.SubscribeAsync(topicArn, "sqs", QueueArn("filter-body"), ("RawMessageDelivery", "true"),
            ("FilterPolicyScope", "MessageBody"), ("FilterPolicy", """{"order":{"status":[{"prefix":"paid"}]}}"""));

        await _sns.PublishAsync(topicArn, """{"order":{"status":"paid-card"}}""", null, ("kind", "String", "order"), ("total", "Number", "150"));
        await _sns.PublishAsync(topicArn, """{"order":{"status":"open"}}""", null, ("kind", "String", "order"), ("total", "Number", "50"));
        await _sns.PublishAsync(topicArn, "plain text", null, ("kind", "String", "refund"), ("total", "Number", "500"));

        Assert.Equal(3, (await ReceiveAsync(sqs, allUrl, 3, Deadline)).Count);
        var byAttributes = await ReceiveAsync(sqs, attributesUrl, 1, Deadline);
        var byBody = await ReceiveAsync(sqs, bodyUrl, 1, Deadline);
        // Every delivery of the three publishes has been made by now (the unfiltered queue has all three).
        byAttributes.AddRange((await sqs.ReceiveMessageAsync(attributesUrl)).Messages ?? []);
        byBody.AddRange((await sqs.ReceiveMessageAsync(bodyUrl)).Messages ?? []);
        Assert.Equal("""{"order":{"status":"paid-card"}}""", Assert.Single(byAttributes).Body);
        Assert.Equal("""{"order":{"status":"paid-card"}}""", Assert.Single(byBody).Body);
    }

    [Fact]
    public async Task MessageStructure_json_gives_each_protocol_its_own_message()
    {
        const string function = "SnsStructured";
        await fixture.CreateFunctionAsync(function, PrinterHandler);
        using var sqs = Sqs(fixture);
        var queueUrl = (await sqs.CreateQueueAsync("structured")).QueueUrl;
        var topicArn = await _sns.CreateTopicAsync("structured-topic");
        await AllowAsync(fixture.Edge, function, "sns.amazonaws.com", topicArn);
        await _sns.SubscribeAsync(topicArn, "lambda", $"arn:aws:lambda:us-east-1:{Account}:function:{function}");
        await _sns.SubscribeAsync(topicArn, "sqs", QueueArn("structured"), ("RawMessageDelivery", "true"));

        await _sns.CallAsync([.. SnsApi.PublishParameters(topicArn, """{"default":"for everyone","lambda":"for Lambda","sqs":"for SQS","http":5}""", null), ("MessageStructure", "json")]);

        Assert.Equal("for SQS", Assert.Single(await ReceiveAsync(sqs, queueUrl, 1, Deadline)).Body);
        var events = await PrintedEventsAsync(fixture, function, 1);
        Assert.Equal("for Lambda", events[0].GetProperty("Records")[0].GetProperty("Sns").GetProperty("Message").GetString());
    }

    [Fact]
    public async Task PublishBatch_delivers_every_entry_and_lists_them_as_Successful()
    {
        using var sqs = Sqs(fixture);
        var queueUrl = (await sqs.CreateQueueAsync("batch")).QueueUrl;
        var topicArn = await _sns.CreateTopicAsync("batch-topic");
        await _sns.SubscribeAsync(topicArn, "sqs", QueueArn("batch"), ("RawMessageDelivery", "true"));

        var response = await _sns.CallAsync(
            ("Action", "PublishBatch"), ("TopicArn", topicArn),
            ("PublishBatchRequestEntries.member.1.Id", "first"), ("PublishBatchRequestEntries.member.1.Message", "one"),
            ("PublishBatchRequestEntries.member.2.Id", "second"), ("PublishBatchRequestEntries.member.2.Message", "two"),
            ("PublishBatchRequestEntries.member.2.MessageAttributes.entry.1.Name", "n"),
            ("PublishBatchRequestEntries.member.2.MessageAttributes.entry.1.Value.DataType", "Number"),
            ("PublishBatchRequestEntries.member.2.MessageAttributes.entry.1.Value.StringValue", "2"));

        var successful = response.Descendants(SnsApi.Ns + "Successful").Single().Elements(SnsApi.Ns + "member").ToList();
        Assert.Equal(["first", "second"], successful.Select(m => m.Element(SnsApi.Ns + "Id")!.Value));
        Assert.All(successful, m => Assert.Matches("^[0-9a-f-]{36}$", m.Element(SnsApi.Ns + "MessageId")!.Value));
        Assert.Empty(response.Descendants(SnsApi.Ns + "Failed").Single().Elements());
        var received = await ReceiveAsync(sqs, queueUrl, 2, Deadline);
        Assert.Equal(["one", "two"], received.Select(m => m.Body).Order());
        Assert.Equal("2", received.Single(m => m.Body == "two").MessageAttributes["n"].StringValue);
    }

    [Fact]
    public async Task A_FIFO_topic_needs_a_group_drops_duplicates_and_numbers_its_messages()
    {
        using var sqs = Sqs(fixture);
        var queueUrl = (await sqs.CreateQueueAsync(new Amazon.SQS.Model.CreateQueueRequest
        {
            QueueName = "orders.fifo",
            Attributes = new() { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = "true" },
        })).QueueUrl;
        var topicArn = await _sns.CreateTopicAsync("orders.fifo", ("FifoTopic", "true"), ("ContentBasedDeduplication", "true"));
        await _sns.SubscribeAsync(topicArn, "sqs", QueueArn("orders.fifo"), ("RawMessageDelivery", "true"));

        var (status, error) = await _sns.SendAsync([.. SnsApi.PublishParameters(topicArn, "no group", null)]);
        Assert.Equal(400, status);
        Assert.Equal(("Sender", "InvalidParameter", "Invalid parameter: The MessageGroupId parameter is required for FIFO topics"), SnsApi.Error(error));

        var first = await _sns.CallAsync([.. SnsApi.PublishParameters(topicArn, "first", null), ("MessageGroupId", "g")]);
        var duplicate = await _sns.CallAsync([.. SnsApi.PublishParameters(topicArn, "first", null), ("MessageGroupId", "g")]);
        var second = await _sns.CallAsync([.. SnsApi.PublishParameters(topicArn, "second", null), ("MessageGroupId", "g")]);

        Assert.Equal(SnsApi.Value(first, "MessageId"), SnsApi.Value(duplicate, "MessageId"));
        Assert.True(string.CompareOrdinal(SnsApi.Value(first, "SequenceNumber"), SnsApi.Value(second, "SequenceNumber")) < 0);
        var received = await ReceiveAsync(sqs, queueUrl, 2, Deadline);
        received.AddRange((await sqs.ReceiveMessageAsync(queueUrl)).Messages ?? []);
        Assert.Equal(["first", "second"], received.Select(m => m.Body));
    }

    [Fact]
    public async Task Invalid_publishes_answer_with_SNS_codes_messages_and_status()
    {
        var topicArn = await _sns.CreateTopicAsync("validation-topic");
        async Task<(int, (string, string, string))> Publish(params (string, string)[] parameters)
        {
            var (status, body) = await _sns.SendAsync(parameters);
            return (status, SnsApi.Error(body));
        }

        Assert.Equal((404, ("Sender", "NotFound", "Topic does not exist")),
            await Publish([.. SnsApi.PublishParameters($"arn:aws:sns:us-east-1:{Account}:no-such-topic", "x", null)]));
        Assert.Equal((400, ("Sender", "InvalidParameter", "Invalid parameter: Empty message")),
            await Publish([.. SnsApi.PublishParameters(topicArn, "", null)]));
        Assert.Equal((400, ("Sender", "InvalidParameter", "Invalid parameter: Message too long")),
            await Publish([.. SnsApi.PublishParameters(topicArn, new string('x', 262_144), null, ("a", "String", "b"))]));
        Assert.Equal((400, ("Sender", "InvalidParameter", "Invalid parameter: Subject")),
            await Publish([.. SnsApi.PublishParameters(topicArn, "x", "two\nlines")]));
        Assert.Equal((400, ("Sender", "InvalidParameter", "Invalid parameter: Subject")),
            await Publish([.. SnsApi.PublishParameters(topicArn, "x", new string('s', 101))]));
        Assert.Equal((400, ("Sender", "ParameterValueInvalid", "The message attribute 'a' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.")),
            await Publish([.. SnsApi.PublishParameters(topicArn, "x", null, ("a", "Float", "1"))]));
        Assert.Equal((400, ("Sender", "ParameterValueInvalid", "Could not cast message attribute 'n' value to number.")),
            await Publish([.. SnsApi.PublishParameters(topicArn, "x", null, ("n", "Number", "ten"))]));
        Assert.Equal((400, ("Sender", "InvalidParameter", "Invalid parameter: Message Structure - No default entry in JSON message body")),
            await Publish([.. SnsApi.PublishParameters(topicArn, """{"sqs":"x"}""", null), ("MessageStructure", "json")]));
        Assert.Equal((400, ("Sender", "InvalidParameter", "Invalid parameter: Message Structure - JSON message body failed to parse")),
            await Publish([.. SnsApi.PublishParameters(topicArn, "not json", null), ("MessageStructure", "json")]));
        Assert.Equal((400, ("Sender", "InvalidParameter", "Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified")),
            await Publish(("Action", "Publish"), ("TargetArn", $"arn:aws:sns:us-east-1:{Account}:endpoint/GCM/app/1234"), ("Message", "x")));

        var entries = Enumerable.Range(1, 11).SelectMany(i => new[] { ($"PublishBatchRequestEntries.member.{i}.Id", $"e{i}"), ($"PublishBatchRequestEntries.member.{i}.Message", "x") });
        Assert.Equal((400, ("Sender", "TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.")),
            await Publish([("Action", "PublishBatch"), ("TopicArn", topicArn), .. entries]));
        Assert.Equal((400, ("Sender", "BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.")),
            await Publish(("Action", "PublishBatch"), ("TopicArn", topicArn),
                ("PublishBatchRequestEntries.member.1.Id", "same"), ("PublishBatchRequestEntries.member.1.Message", "x"),
                ("PublishBatchRequestEntries.member.2.Id", "same"), ("PublishBatchRequestEntries.member.2.Message", "y")));
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")]
    private static partial Regex IsoMilliseconds();
}
