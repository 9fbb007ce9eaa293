using System.Net;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.Sns;

namespace Patterns.Tests.AwsClients;

/// <summary>What the SNS client puts on the wire (query protocol, 2010-03-31) and how it reads SNS's XML answers and errors.</summary>
public sealed class SnsClientTests
{
    private const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:orders";

    private static readonly AwsClientOptions Options = new()
    {
        Endpoint = new Uri("http://127.0.0.1:4566"),
        Region = "eu-west-1",
        Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        BaseRetryDelay = TimeSpan.FromMilliseconds(1),
    };

    [Fact]
    public async Task CreateTopic_posts_attributes_as_entries_and_tags_as_members_signed_for_sns()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """
            <CreateTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <CreateTopicResult><TopicArn>arn:aws:sns:eu-west-1:123456789012:orders.fifo</TopicArn></CreateTopicResult>
              <ResponseMetadata><RequestId>a8dec8b3-33a4-11df-8963-01868b7c937a</RequestId></ResponseMetadata>
            </CreateTopicResponse>
            """);
        using var client = new SnsClient(Options, new HttpClient(handler), new FixedTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero)));

        var created = await client.CreateTopicAsync(new CreateTopicRequest("orders.fifo")
        {
            Attributes = new Dictionary<string, string> { ["FifoTopic"] = "true", ["ContentBasedDeduplication"] = "false" },
            Tags = new Dictionary<string, string> { ["app"] = "serverless patterns" },
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/", ""), (request.Method, request.Uri.AbsolutePath, request.Uri.Query));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal(
            "Action=CreateTopic&Version=2010-03-31&Name=orders.fifo"
            + "&Attributes.entry.1.key=FifoTopic&Attributes.entry.1.value=true"
            + "&Attributes.entry.2.key=ContentBasedDeduplication&Attributes.entry.2.value=false"
            + "&Tags.member.1.Key=app&Tags.member.1.Value=serverless%20patterns",
            request.Body);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250304/eu-west-1/sns/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("arn:aws:sns:eu-west-1:123456789012:orders.fifo", created.TopicArn);
    }

    [Fact]
    public async Task Publish_encodes_each_message_attribute_data_type_and_reads_the_message_id_and_sequence_number()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId><SequenceNumber>10000000000000003000</SequenceNumber></PublishResult>
            </PublishResponse>
            """);
        using var client = new SnsClient(Options, new HttpClient(handler));

        var published = await client.PublishAsync(new PublishRequest("""{"orderId":"o-1"}""")
        {
            TopicArn = TopicArn,
            Subject = "Order placed",
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["eventType"] = MessageAttributeValue.String("OrderPlaced"),
                ["total"] = MessageAttributeValue.Number(12.5m),
                ["thumbprint"] = MessageAttributeValue.Binary([1, 2, 255]),
                ["regions"] = MessageAttributeValue.StringArray("eu", "us"),
            },
            MessageGroupId = "customer-7",
            MessageDeduplicationId = "o-1",
        });

        Assert.Equal(
            [
                ("Action", "Publish"), ("Version", "2010-03-31"), ("TopicArn", TopicArn), ("Message", """{"orderId":"o-1"}"""), ("Subject", "Order placed"),
                ("MessageAttributes.entry.1.Name", "eventType"), ("MessageAttributes.entry.1.Value.DataType", "String"), ("MessageAttributes.entry.1.Value.StringValue", "OrderPlaced"),
                ("MessageAttributes.entry.2.Name", "total"), ("MessageAttributes.entry.2.Value.DataType", "Number"), ("MessageAttributes.entry.2.Value.StringValue", "12.5"),
                ("MessageAttributes.entry.3.Name", "thumbprint"), ("MessageAttributes.entry.3.Value.DataType", "Binary"), ("MessageAttributes.entry.3.Value.BinaryValue", "AQL/"),
                ("MessageAttributes.entry.4.Name", "regions"), ("MessageAttributes.entry.4.Value.DataType", "String.Array"), ("MessageAttributes.entry.4.Value.StringValue", """["eu","us"]"""),
                ("MessageDeduplicationId", "o-1"), ("MessageGroupId", "customer-7"),
            ],
            QueryForm.Parse(Assert.Single(handler.Requests).Body));
        Assert.Equal(new PublishResponse("567910cd-659e-55d4-8ccb-5aaf14679dc0", "10000000000000003000"), published);
    }

    [Fact]
    public async Task Publish_to_a_mobile_endpoint_sends_TargetArn_and_a_message_per_protocol()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>");
        using var client = new SnsClient(Options, new HttpClient(handler));

        var published = await client.PublishAsync(new PublishRequest("""{"default":"hi","GCM":"{\"data\":{}}"}""")
        {
            TargetArn = "arn:aws:sns:eu-west-1:123456789012:endpoint/GCM/app/1",
            MessageStructure = "json",
        });

        Assert.Equal(
            [("Action", "Publish"), ("Version", "2010-03-31"), ("TargetArn", "arn:aws:sns:eu-west-1:123456789012:endpoint/GCM/app/1"), ("Message", """{"default":"hi","GCM":"{\"data\":{}}"}"""), ("MessageStructure", "json")],
            QueryForm.Parse(Assert.Single(handler.Requests).Body));
        Assert.Equal(new PublishResponse("m-1", null), published);
    }

    [Fact]
    public async Task Publish_without_a_destination_fails_before_sending()
    {
        var handler = new RecordingHandler();
        using var client = new SnsClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(new PublishRequest("hello")));

        Assert.Contains("TopicArn", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task PublishBatch_numbers_entries_and_their_attributes_and_reads_both_outcomes()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """
            <PublishBatchResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishBatchResult>
                <Successful><member><Id>a</Id><MessageId>m-a</MessageId></member></Successful>
                <Failed><member><Id>b</Id><Code>InvalidParameter</Code><Message>Invalid parameter: Message too long</Message><SenderFault>true</SenderFault></member></Failed>
              </PublishBatchResult>
            </PublishBatchResponse>
            """);
        using var client = new SnsClient(Options, new HttpClient(handler));

        var result = await client.PublishBatchAsync(new PublishBatchRequest(TopicArn,
        [
            new PublishBatchRequestEntry("a", "first") { MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["kind"] = MessageAttributeValue.String("x") } },
            new PublishBatchRequestEntry("b", "second") { Subject = "s" },
        ]));

        Assert.Equal(
            [
                ("Action", "PublishBatch"), ("Version", "2010-03-31"), ("TopicArn", TopicArn),
                ("PublishBatchRequestEntries.member.1.Id", "a"), ("PublishBatchRequestEntries.member.1.Message", "first"),
                ("PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Name", "kind"),
                ("PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.DataType", "String"),
                ("PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.StringValue", "x"),
                ("PublishBatchRequestEntries.member.2.Id", "b"), ("PublishBatchRequestEntries.member.2.Message", "second"), ("PublishBatchRequestEntries.member.2.Subject", "s"),
            ],
            QueryForm.Parse(Assert.Single(handler.Requests).Body));
        Assert.Equal([new PublishBatchResultEntry("a", "m-a", null)], result.Successful.AsEnumerable());
        Assert.Equal([new BatchResultErrorEntry("b", "InvalidParameter", "Invalid parameter: Message too long", SenderFault: true)], result.Failed.AsEnumerable());
    }

    [Fact]
    public async Task Subscribe_sends_the_attributes_as_entries_and_asks_for_the_subscription_arn()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, $"<SubscribeResponse><SubscribeResult><SubscriptionArn>{TopicArn}:0b6941c4-f150-4b1c-a2a2-0bcb5b7e2a8a</SubscriptionArn></SubscribeResult></SubscribeResponse>");
        using var client = new SnsClient(Options, new HttpClient(handler));

        var subscribed = await client.SubscribeAsync(new SubscribeRequest(TopicArn, "sqs")
        {
            Endpoint = "arn:aws:sqs:eu-west-1:123456789012:billing",
            Attributes = new Dictionary<string, string>
            {
                ["RawMessageDelivery"] = "true",
                ["FilterPolicy"] = """{"eventType":["OrderPlaced"]}""",
                ["FilterPolicyScope"] = "MessageAttributes",
            },
            ReturnSubscriptionArn = true,
        });

        Assert.Equal(
            [
                ("Action", "Subscribe"), ("Version", "2010-03-31"), ("TopicArn", TopicArn), ("Protocol", "sqs"), ("Endpoint", "arn:aws:sqs:eu-west-1:123456789012:billing"),
                ("Attributes.entry.1.key", "RawMessageDelivery"), ("Attributes.entry.1.value", "true"),
                ("Attributes.entry.2.key", "FilterPolicy"), ("Attributes.entry.2.value", """{"eventType":["OrderPlaced"]}"""),
                ("Attributes.entry.3.key", "FilterPolicyScope"), ("Attributes.entry.3.value", "MessageAttributes"),
                ("ReturnSubscriptionArn", "true"),
            ],
            QueryForm.Parse(Assert.Single(handler.Requests).Body));
        Assert.Equal($"{TopicArn}:0b6941c4-f150-4b1c-a2a2-0bcb5b7e2a8a", subscribed.SubscriptionArn);
    }

    [Fact]
    public async Task ListAllSubscriptionsByTopic_follows_NextToken()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, $"""
                <ListSubscriptionsByTopicResponse><ListSubscriptionsByTopicResult>
                  <Subscriptions><member><TopicArn>{TopicArn}</TopicArn><Protocol>sqs</Protocol><SubscriptionArn>{TopicArn}:s1</SubscriptionArn><Owner>123456789012</Owner><Endpoint>arn:aws:sqs:eu-west-1:123456789012:q1</Endpoint></member></Subscriptions>
                  <NextToken>token-2</NextToken>
                </ListSubscriptionsByTopicResult></ListSubscriptionsByTopicResponse>
                """)
            .Reply(HttpStatusCode.OK, $"""
                <ListSubscriptionsByTopicResponse><ListSubscriptionsByTopicResult>
                  <Subscriptions><member><TopicArn>{TopicArn}</TopicArn><Protocol>email</Protocol><SubscriptionArn>PendingConfirmation</SubscriptionArn><Owner>123456789012</Owner><Endpoint>ops@example.com</Endpoint></member></Subscriptions>
                </ListSubscriptionsByTopicResult></ListSubscriptionsByTopicResponse>
                """);
        using var client = new SnsClient(Options, new HttpClient(handler));

        var subscriptions = await client.ListAllSubscriptionsByTopicAsync(TopicArn);

        Assert.Equal(
            [
                new Subscription($"{TopicArn}:s1", TopicArn, "sqs", "arn:aws:sqs:eu-west-1:123456789012:q1", "123456789012"),
                new Subscription("PendingConfirmation", TopicArn, "email", "ops@example.com", "123456789012"),
            ],
            subscriptions);
        Assert.Equal([("Action", "ListSubscriptionsByTopic"), ("Version", "2010-03-31"), ("TopicArn", TopicArn), ("NextToken", "token-2")], QueryForm.Parse(handler.Requests[1].Body));
    }

    [Fact]
    public async Task Subscription_attributes_are_read_from_entries_and_set_one_at_a_time()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, """
                <GetSubscriptionAttributesResponse><GetSubscriptionAttributesResult><Attributes>
                  <entry><key>RawMessageDelivery</key><value>false</value></entry>
                  <entry><key>Protocol</key><value>sqs</value></entry>
                </Attributes></GetSubscriptionAttributesResult></GetSubscriptionAttributesResponse>
                """)
            .Reply(HttpStatusCode.OK, "<SetSubscriptionAttributesResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SetSubscriptionAttributesResponse>");
        using var client = new SnsClient(Options, new HttpClient(handler));

        var attributes = await client.GetSubscriptionAttributesAsync($"{TopicArn}:s1");
        await client.SetSubscriptionAttributesAsync(new SetSubscriptionAttributesRequest($"{TopicArn}:s1", "RawMessageDelivery", "true"));

        Assert.Equal(new Dictionary<string, string> { ["RawMessageDelivery"] = "false", ["Protocol"] = "sqs" }, attributes.Attributes);
        Assert.Equal(
            [("Action", "SetSubscriptionAttributes"), ("Version", "2010-03-31"), ("SubscriptionArn", $"{TopicArn}:s1"), ("AttributeName", "RawMessageDelivery"), ("AttributeValue", "true")],
            QueryForm.Parse(handler.Requests[1].Body));
    }

    [Fact]
    public async Task A_missing_topic_is_a_NotFound_service_error_that_is_not_retried()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.NotFound, """
            <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
              <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
            </ErrorResponse>
            """, ("x-amzn-RequestId", "9dd01905-5012-5f99-8663-4b3ecd0dfaef"));
        using var client = new SnsClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetTopicAttributesAsync(TopicArn));

        Assert.Single(handler.Requests);
        Assert.Equal(("sns", "GetTopicAttributes", 404, "NotFound", "Topic does not exist"), (error.Service, error.Operation, error.StatusCode, error.ErrorCode, error.ServiceMessage));
        Assert.Equal("9dd01905-5012-5f99-8663-4b3ecd0dfaef", error.RequestId);
    }

    [Fact]
    public async Task Calls_without_output_accept_an_answer_that_has_only_response_metadata()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, "<DeleteTopicResponse><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></DeleteTopicResponse>")
            .Reply(HttpStatusCode.OK, "<UnsubscribeResponse><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></UnsubscribeResponse>");
        using var client = new SnsClient(Options, new HttpClient(handler));

        await client.DeleteTopicAsync(TopicArn);
        await client.UnsubscribeAsync($"{TopicArn}:s1");

        Assert.Equal(["Action=DeleteTopic&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3Aorders",
            "Action=Unsubscribe&Version=2010-03-31&SubscriptionArn=arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3Aorders%3As1"], handler.Requests.Select(r => r.Body));
    }

    [Fact]
    public void The_endpoint_comes_from_AWS_ENDPOINT_URL_SNS_before_AWS_ENDPOINT_URL()
    {
        var variables = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1", ["AWS_ENDPOINT_URL_SNS"] = "http://127.0.0.1:2" };
        using var client = new SnsClient(new AwsClientOptions { Environment = variables.GetValueOrDefault });
        using var publicClient = new SnsClient(new AwsClientOptions { Environment = _ => null, Region = "eu-north-1" });

        Assert.Equal(new Uri("http://127.0.0.1:2/"), client.Endpoint);
        Assert.Equal(new Uri("https://sns.eu-north-1.amazonaws.com/"), publicClient.Endpoint);
    }
}
