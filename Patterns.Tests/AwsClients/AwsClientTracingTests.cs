using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.EventBridge;
using Patterns.AwsClients.Sns;

namespace Patterns.Tests.AwsClients;

/// <summary>
/// Each call of our AWS clients is a CLIENT span named as the AWS SDK conventions name them, and
/// carries its context as a W3C traceparent, so the service continues the caller's trace.
/// </summary>
public sealed class AwsClientTracingTests : IDisposable
{
    private readonly ActivitySource _testSource = new($"Patterns.Tests.AwsClientTracing.{Guid.NewGuid():N}");
    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public AwsClientTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AwsClientTracing.SourceName || source == _testSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _testSource.Dispose();
    }

    private static AwsClientOptions Options => new() { Endpoint = new Uri("http://127.0.0.1:4566"), Region = "us-east-1", Credentials = AwsCredentials.Test, MaxAttempts = 1 };

    [Fact]
    public async Task A_publish_is_a_client_span_under_the_caller_whose_id_goes_out_as_traceparent()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK,
            "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>",
            ("x-amzn-RequestId", "r-1"));
        using var http = new HttpClient(handler);
        using var sns = new SnsClient(Options, http);

        using (var caller = _testSource.StartActivity("handler"))
        {
            await sns.PublishAsync(new PublishRequest("hello") { TopicArn = "arn:aws:sns:us-east-1:000000000000:ImageProcessingTopic" });
        }

        var caller2 = Assert.Single(_stopped, a => a.Source == _testSource);
        var span = Assert.Single(_stopped, a => a.Source.Name == AwsClientTracing.SourceName && a.TraceId == caller2.TraceId);
        Assert.Equal(("SNS.Publish", ActivityKind.Client, caller2.SpanId), (span.DisplayName, span.Kind, span.ParentSpanId));
        Assert.Equal("aws-api", span.GetTagItem("rpc.system"));
        Assert.Equal("SNS", span.GetTagItem("rpc.service"));
        Assert.Equal("Publish", span.GetTagItem("rpc.method"));
        Assert.Equal("arn:aws:sns:us-east-1:000000000000:ImageProcessingTopic", span.GetTagItem("aws.sns.topic.arn"));
        Assert.Equal("ImageProcessingTopic", span.GetTagItem("messaging.destination.name"));
        Assert.Equal("r-1", span.GetTagItem("aws.request_id"));
        Assert.Equal($"00-{span.TraceId.ToHexString()}-{span.SpanId.ToHexString()}-01", handler.Requests.Single().Headers["traceparent"]);
    }

    [Fact]
    public async Task A_failed_call_marks_its_span_with_the_aws_error_code()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.BadRequest, """{"__type":"ValidationException","message":"bad"}""");
        using var http = new HttpClient(handler);
        using var events = new EventBridgeClient(Options, http);

        using (_testSource.StartActivity("handler"))
        {
            await Assert.ThrowsAsync<AwsServiceException>(() =>
                events.PutEventsAsync(new PutEventsRequest([new PutEventsRequestEntry("s", "t", "{}") { EventBusName = "ecommerce-events" }])));
        }

        var caller = Assert.Single(_stopped, a => a.Source == _testSource);
        var span = Assert.Single(_stopped, a => a.Source.Name == AwsClientTracing.SourceName && a.TraceId == caller.TraceId);
        Assert.Equal("EventBridge.PutEvents", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("ValidationException", span.GetTagItem("error.type"));
        Assert.Equal("ecommerce-events", span.GetTagItem("messaging.destination.name"));
    }
}
