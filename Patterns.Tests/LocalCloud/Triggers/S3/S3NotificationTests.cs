using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Patterns.Tests.LocalCloud.Triggers.Sns;
using Patterns.Tests.Support;
using static Patterns.Tests.LocalCloud.Triggers.Sns.TriggerTestKit;

namespace Patterns.Tests.LocalCloud.Triggers.S3;

/// <summary>Bucket notifications: configured, validated and delivered once per event to Lambda, SQS and SNS in S3's record shape.</summary>
public sealed partial class S3NotificationTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private AmazonS3Client S3() => new(new BasicAWSCredentials("test", "test"), new AmazonS3Config
    {
        ServiceURL = fixture.Cloud.EdgeUrl.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
    });

    private static LambdaFunctionConfiguration Function(string name, string id, params string[] events) => new()
    {
        Id = id,
        FunctionArn = $"arn:aws:lambda:us-east-1:{Account}:function:{name}",
        Events = [.. events.Select(e => new EventType(e))],
    };

    private static QueueConfiguration Queue(string name, string id, params string[] events) => new()
    {
        Id = id,
        Queue = QueueArn(name),
        Events = [.. events.Select(e => new EventType(e))],
    };

    private static Filter KeyFilter(string? prefix, string? suffix) => new()
    {
        S3KeyFilter = new S3KeyFilter
        {
            FilterRules = [.. new[] { ("Prefix", prefix), ("Suffix", suffix) }.Where(r => r.Item2 is not null).Select(r => new FilterRule(r.Item1, r.Item2))],
        },
    };

    [Fact]
    public async Task An_upload_invokes_the_function_with_S3s_record_and_URL_encoded_keys()
    {
        const string function = "S3Printer";
        using var s3 = S3();
        await s3.PutBucketAsync("uploads-printer");
        await fixture.CreateFunctionAsync(function, PrinterHandler);
        await AllowAsync(fixture.Edge, function, "s3.amazonaws.com", "arn:aws:s3:::uploads-printer");
        await s3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = "uploads-printer",
            LambdaFunctionConfigurations = [Function(function, "on-upload", "s3:ObjectCreated:*")],
        });

        var first = await s3.PutObjectAsync(new PutObjectRequest { BucketName = "uploads-printer", Key = "red flower.jpg", ContentBody = "petals" });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "uploads-printer", Key = "café/ü.txt", ContentBody = "umlaut!" });

        var events = await PrintedEventsAsync(fixture, function, 2);
        Assert.Equal(2, events.Count);
        var records = events.Select(e => Assert.Single(e.GetProperty("Records").EnumerateArray())).ToList();
        var keys = records.Select(r => r.GetProperty("s3").GetProperty("object").GetProperty("key").GetString()).ToList();
        Assert.Contains("red+flower.jpg", keys);
        var flower = records.Single(r => r.GetProperty("s3").GetProperty("object").GetProperty("key").GetString() == "red+flower.jpg");
        Assert.Contains(records, r => r.GetProperty("s3").GetProperty("object").GetProperty("key").GetString() == "caf%C3%A9/%C3%BC.txt");

        Assert.Equal(["eventVersion", "eventSource", "awsRegion", "eventTime", "eventName", "userIdentity", "requestParameters", "responseElements", "s3"],
            flower.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2.1", flower.GetProperty("eventVersion").GetString());
        Assert.Equal("aws:s3", flower.GetProperty("eventSource").GetString());
        Assert.Equal("us-east-1", flower.GetProperty("awsRegion").GetString());
        Assert.Matches(IsoMilliseconds(), flower.GetProperty("eventTime").GetString());
        Assert.Equal("ObjectCreated:Put", flower.GetProperty("eventName").GetString());
        Assert.Equal("AWS:test", flower.GetProperty("userIdentity").GetProperty("principalId").GetString());
        Assert.Equal("127.0.0.1", flower.GetProperty("requestParameters").GetProperty("sourceIPAddress").GetString());
        Assert.Equal(["x-amz-request-id", "x-amz-id-2"], flower.GetProperty("responseElements").EnumerateObject().Select(p => p.Name));
        var s3Part = flower.GetProperty("s3");
        Assert.Equal("1.0", s3Part.GetProperty("s3SchemaVersion").GetString());
        Assert.Equal("on-upload", s3Part.GetProperty("configurationId").GetString());
        Assert.Equal("uploads-printer", s3Part.GetProperty("bucket").GetProperty("name").GetString());
        Assert.Equal("arn:aws:s3:::uploads-printer", s3Part.GetProperty("bucket").GetProperty("arn").GetString());
        Assert.True(s3Part.GetProperty("bucket").GetProperty("ownerIdentity").TryGetProperty("principalId", out _));
        var @object = s3Part.GetProperty("object");
        Assert.Equal(["key", "size", "eTag", "sequencer"], @object.EnumerateObject().Select(p => p.Name));
        Assert.Equal(6, @object.GetProperty("size").GetInt64());
        Assert.Equal(first.ETag.Trim('"'), @object.GetProperty("eTag").GetString());
        Assert.Matches("^[0-9A-F]{18}$", @object.GetProperty("sequencer").GetString());
    }

    [Fact]
    public async Task Only_matching_events_and_keys_are_delivered_once_each_with_nothing_from_moto()
    {
        using var s3 = S3();
        using var sqs = Sqs(fixture);
        var createdUrl = (await sqs.CreateQueueAsync("created-images")).QueueUrl;
        var removedUrl = (await sqs.CreateQueueAsync("removed-logs")).QueueUrl;
        await s3.PutBucketAsync("filtered");
        var images = Queue("created-images", "images", "s3:ObjectCreated:Put");
        images.Filter = KeyFilter("images/", ".jpg");
        var logs = Queue("removed-logs", "logs", "s3:ObjectRemoved:*");
        logs.Filter = KeyFilter("logs/", null);
        await s3.PutBucketNotificationAsync(new PutBucketNotificationRequest { BucketName = "filtered", QueueConfigurations = [images, logs] });
        // S3 tests each queue destination with an s3:TestEvent first.
        Assert.Contains("s3:TestEvent", Assert.Single(await ReceiveAsync(sqs, createdUrl, 1, Deadline)).Body);
        Assert.Contains("s3:TestEvent", Assert.Single(await ReceiveAsync(sqs, removedUrl, 1, Deadline)).Body);

        foreach (var key in new[] { "images/cat.png", "docs/cat.jpg", "images/cat.jpg", "logs/today.txt" })
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "filtered", Key = key, ContentBody = key });
        await s3.DeleteObjectAsync("filtered", "images/cat.png");
        await s3.DeleteObjectAsync("filtered", "logs/today.txt");

        var created = await ReceiveAsync(sqs, createdUrl, 1, Deadline);
        var removed = await ReceiveAsync(sqs, removedUrl, 1, Deadline);
        // Every event was raised before the last call answered; anything more would be there now.
        created.AddRange((await sqs.ReceiveMessageAsync(new Amazon.SQS.Model.ReceiveMessageRequest { QueueUrl = createdUrl, MaxNumberOfMessages = 10 })).Messages ?? []);
        removed.AddRange((await sqs.ReceiveMessageAsync(new Amazon.SQS.Model.ReceiveMessageRequest { QueueUrl = removedUrl, MaxNumberOfMessages = 10 })).Messages ?? []);
        var createdRecord = Record(Assert.Single(created).Body);
        Assert.Equal("ObjectCreated:Put", createdRecord.GetProperty("eventName").GetString());
        Assert.Equal("images/cat.jpg", createdRecord.GetProperty("s3").GetProperty("object").GetProperty("key").GetString());
        var removedRecord = Record(Assert.Single(removed).Body);
        Assert.Equal("ObjectRemoved:Delete", removedRecord.GetProperty("eventName").GetString());
        Assert.Equal(["key", "sequencer"], removedRecord.GetProperty("s3").GetProperty("object").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Copy_multipart_upload_and_deletes_raise_their_own_events()
    {
        using var s3 = S3();
        using var sqs = Sqs(fixture);
        var queueUrl = (await sqs.CreateQueueAsync("object-events")).QueueUrl;
        await s3.PutBucketAsync("lifecycle");
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = "lifecycle", VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } });
        await s3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = "lifecycle",
            QueueConfigurations = [Queue("object-events", "all", "s3:ObjectCreated:*", "s3:ObjectRemoved:*")],
        });
        await ReceiveAsync(sqs, queueUrl, 1, Deadline); // the s3:TestEvent

        var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = "lifecycle", Key = "a.txt", ContentBody = "alpha" });
        await s3.CopyObjectAsync("lifecycle", "a.txt", "lifecycle", "b.txt");
        var upload = await s3.InitiateMultipartUploadAsync("lifecycle", "big.bin");
        var part = await s3.UploadPartAsync(new UploadPartRequest { BucketName = "lifecycle", Key = "big.bin", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream(new byte[5 * 1024 * 1024]) });
        await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = "lifecycle", Key = "big.bin", UploadId = upload.UploadId, PartETags = [new PartETag(1, part.ETag)] });
        await s3.DeleteObjectAsync("lifecycle", "a.txt");
        await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = "lifecycle", Key = "a.txt", VersionId = put.VersionId });
        await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = "lifecycle", Objects = [new KeyVersion { Key = "b.txt" }, new KeyVersion { Key = "big.bin" }] });

        var records = (await ReceiveAsync(sqs, queueUrl, 7, Deadline)).Select(m => Record(m.Body)).ToList();
        string Name(JsonElement r) => r.GetProperty("eventName").GetString() + " " + r.GetProperty("s3").GetProperty("object").GetProperty("key").GetString();
        Assert.Equal(
            new[]
            {
                "ObjectCreated:Put a.txt", "ObjectCreated:Copy b.txt", "ObjectCreated:CompleteMultipartUpload big.bin",
                "ObjectRemoved:DeleteMarkerCreated a.txt", "ObjectRemoved:Delete a.txt",
                "ObjectRemoved:DeleteMarkerCreated b.txt", "ObjectRemoved:DeleteMarkerCreated big.bin",
            }.Order(),
            records.Select(Name).Order());
        var multipart = records.Single(r => r.GetProperty("eventName").GetString() == "ObjectCreated:CompleteMultipartUpload").GetProperty("s3").GetProperty("object");
        Assert.Equal(5 * 1024 * 1024, multipart.GetProperty("size").GetInt64());
        var permanent = records.Single(r => r.GetProperty("eventName").GetString() == "ObjectRemoved:Delete").GetProperty("s3").GetProperty("object");
        Assert.Equal(put.VersionId, permanent.GetProperty("versionId").GetString());
        var sequencers = records.Where(r => r.GetProperty("s3").GetProperty("object").GetProperty("key").GetString() == "a.txt")
            .Select(r => r.GetProperty("s3").GetProperty("object").GetProperty("sequencer").GetString()!).ToList();
        Assert.Equal(3, sequencers.Distinct().Count());
    }

    [Fact]
    public async Task A_browser_form_upload_raises_ObjectCreated_Post_for_the_forms_key()
    {
        using var s3 = S3();
        using var sqs = Sqs(fixture);
        var queueUrl = (await sqs.CreateQueueAsync("form-uploads")).QueueUrl;
        await s3.PutBucketAsync("form-bucket");
        await s3.PutBucketNotificationAsync(new PutBucketNotificationRequest { BucketName = "form-bucket", QueueConfigurations = [Queue("form-uploads", "post", "s3:ObjectCreated:Post")] });
        await ReceiveAsync(sqs, queueUrl, 1, Deadline); // the s3:TestEvent

        using var form = new MultipartFormDataContent
        {
            { new StringContent("posted/${filename}"), "key" },
            { new ByteArrayContent("form body"u8.ToArray()), "file", "note.txt" },
        };
        using var response = await fixture.Edge.PostAsync("/form-bucket", form);
        Assert.True(response.IsSuccessStatusCode, $"POST Object answered {(int)response.StatusCode}");

        var record = Record(Assert.Single(await ReceiveAsync(sqs, queueUrl, 1, Deadline)).Body);
        Assert.Equal("ObjectCreated:Post", record.GetProperty("eventName").GetString());
        Assert.Equal("posted/note.txt", record.GetProperty("s3").GetProperty("object").GetProperty("key").GetString());
        Assert.Equal(9, record.GetProperty("s3").GetProperty("object").GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task A_topic_destination_publishes_the_records_with_S3s_subject()
    {
        using var s3 = S3();
        using var sqs = Sqs(fixture);
        var sns = new SnsApi(fixture.Edge);
        var queueUrl = (await sqs.CreateQueueAsync("via-topic")).QueueUrl;
        var topicArn = await sns.CreateTopicAsync("bucket-events");
        await sns.SubscribeAsync(topicArn, "sqs", QueueArn("via-topic"));
        await s3.PutBucketAsync("topical");
        await s3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = "topical",
            TopicConfigurations = [new TopicConfiguration { Id = "to-topic", Topic = topicArn, Events = [EventType.ObjectCreatedAll] }],
        });

        var test = Assert.Single(await ReceiveAsync(sqs, queueUrl, 1, Deadline));
        using (var testDocument = JsonDocument.Parse(test.Body))
        {
            Assert.Equal("Amazon S3 Notification", testDocument.RootElement.GetProperty("Subject").GetString());
            using var testEvent = JsonDocument.Parse(testDocument.RootElement.GetProperty("Message").GetString()!);
            Assert.Equal(["Service", "Event", "Time", "Bucket", "RequestId", "HostId"], testEvent.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("s3:TestEvent", testEvent.RootElement.GetProperty("Event").GetString());
            Assert.Equal("topical", testEvent.RootElement.GetProperty("Bucket").GetString());
        }

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "topical", Key = "report.csv", ContentBody = "a,b" });

        var notification = Assert.Single(await ReceiveAsync(sqs, queueUrl, 1, Deadline));
        using var document = JsonDocument.Parse(notification.Body);
        Assert.Equal("Amazon S3 Notification", document.RootElement.GetProperty("Subject").GetString());
        var record = Record(document.RootElement.GetProperty("Message").GetString()!);
        Assert.Equal("report.csv", record.GetProperty("s3").GetProperty("object").GetProperty("key").GetString());
        Assert.Equal("to-topic", record.GetProperty("s3").GetProperty("configurationId").GetString());

        var stored = await s3.GetBucketNotificationAsync("topical");
        var configuration = Assert.Single(stored.TopicConfigurations);
        Assert.Equal(("to-topic", topicArn, "s3:ObjectCreated:*"), (configuration.Id, configuration.Topic, configuration.Events.Single().Value));
    }

    [Fact]
    public async Task Invalid_configurations_are_refused_with_S3s_errors()
    {
        using var s3 = S3();
        using var sqs = Sqs(fixture);
        await sqs.CreateQueueAsync("valid-queue");
        await s3.PutBucketAsync("strict");
        await fixture.CreateFunctionAsync("S3NotAllowed", PrinterHandler);

        async Task<AmazonS3Exception> Refused(PutBucketNotificationRequest request) =>
            await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutBucketNotificationAsync(request));

        var missing = await Refused(new() { BucketName = "strict", QueueConfigurations = [Queue("no-such-queue", "q", "s3:ObjectCreated:*")] });
        Assert.Equal(("InvalidArgument", 400, "Unable to validate the following destination configurations"), (missing.ErrorCode, (int)missing.StatusCode, missing.Message));
        var notAllowed = await Refused(new() { BucketName = "strict", LambdaFunctionConfigurations = [Function("S3NotAllowed", "f", "s3:ObjectCreated:*")] });
        Assert.Equal("InvalidArgument", notAllowed.ErrorCode);
        var unknownEvent = await Refused(new() { BucketName = "strict", QueueConfigurations = [Queue("valid-queue", "q", "s3:ObjectCreated:Rename")] });
        Assert.Equal(("InvalidArgument", "The event is not supported for notifications"), (unknownEvent.ErrorCode, unknownEvent.Message));
        var overlapping = await Refused(new() { BucketName = "strict", QueueConfigurations = [Queue("valid-queue", "one", "s3:ObjectCreated:*"), Queue("valid-queue", "two", "s3:ObjectCreated:Put")] });
        Assert.Equal(("InvalidArgument", "Configurations overlap. Configurations on the same bucket cannot share a common event type."), (overlapping.ErrorCode, overlapping.Message));
        var noBucket = await Refused(new() { BucketName = "no-such-bucket", QueueConfigurations = [Queue("valid-queue", "q", "s3:ObjectCreated:*")] });
        Assert.Equal(("NoSuchBucket", 404), (noBucket.ErrorCode, (int)noBucket.StatusCode));

        // A refused configuration leaves the bucket without one.
        var stored = await s3.GetBucketNotificationAsync("strict");
        Assert.True(stored.QueueConfigurations is null or { Count: 0 });
    }

    [Fact]
    public async Task The_destination_error_names_each_destination_as_S3_does()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/named-errors?notification")
        {
            Content = new StringContent($"""
                <NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <QueueConfiguration><Queue>{QueueArn("absent")}</Queue><Event>s3:ObjectCreated:*</Event></QueueConfiguration>
                  <CloudFunctionConfiguration><CloudFunction>arn:aws:lambda:us-east-1:{Account}:function:absent</CloudFunction><Event>s3:ObjectRemoved:*</Event></CloudFunctionConfiguration>
                </NotificationConfiguration>
                """),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0");
        using var s3 = S3();
        await s3.PutBucketAsync("named-errors");

        using var response = await fixture.Edge.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        var error = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("InvalidArgument", error.Element("Code")!.Value);
        Assert.Equal(QueueArn("absent"), error.Element("ArgumentName1")!.Value);
        Assert.Equal("The destination queue does not exist", error.Element("ArgumentValue1")!.Value);
        Assert.Equal($"arn:aws:lambda:us-east-1:{Account}:function:absent, null", error.Element("ArgumentName2")!.Value);
        Assert.Equal($"Not authorized to invoke function [arn:aws:lambda:us-east-1:{Account}:function:absent]", error.Element("ArgumentValue2")!.Value);
    }

    private static JsonElement Record(string body)
    {
        using var document = JsonDocument.Parse(body);
        return Assert.Single(document.RootElement.GetProperty("Records").EnumerateArray()).Clone();
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")]
    private static partial Regex IsoMilliseconds();
}
