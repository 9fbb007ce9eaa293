using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Lambda;

/// <summary>InvocationType Event: 202 at once, the function runs later, failures are retried twice and then dead-lettered.</summary>
public sealed class AsyncInvokeTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    [Fact]
    public async Task A_failing_event_is_tried_three_times_then_lands_in_the_dead_letter_queue()
    {
        using var sqs = new AmazonSQSClient(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig { ServiceURL = fixture.Cloud.EdgeUrl.ToString(), AuthenticationRegion = "us-east-1" });
        var queueUrl = (await sqs.CreateQueueAsync("async-dlq")).QueueUrl;
        await fixture.CreateFunctionAsync("AsyncThrower", "Functions::Functions.Diagnostics.Faults::Throw",
            extra: new { DeadLetterConfig = new { TargetArn = "arn:aws:sqs:us-east-1:000000000000:async-dlq" } });

        using var request = new HttpRequestMessage(HttpMethod.Post, "2015-03-31/functions/AsyncThrower/invocations")
        {
            Content = new StringContent("""{"message":"always fails"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amz-Invocation-Type", "Event");
        using var accepted = await fixture.Edge.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var requestId = accepted.Headers.GetValues("x-amzn-RequestId").Single();

        var received = await Poll.UntilAsync(
            async () => (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MessageAttributeNames = ["All"], WaitTimeSeconds = 1 })).Messages ?? [],
            m => m.Count > 0, TimeSpan.FromSeconds(20), "the failed event in the DLQ");
        var message = Assert.Single(received);
        Assert.Equal("""{"message":"always fails"}""", message.Body);
        Assert.Equal(requestId, message.MessageAttributes["RequestID"].StringValue);
        Assert.Equal("always fails", message.MessageAttributes["ErrorMessage"].StringValue);

        // One try and two retries, each its own invocation in the function's log.
        var log = await Poll.UntilAsync(() => fixture.FilterLogEventsAsync("/aws/lambda/AsyncThrower"),
            m => m.Count(x => x.StartsWith("REPORT ", StringComparison.Ordinal)) >= 3, TimeSpan.FromSeconds(10), "three REPORT lines");
        Assert.Equal(3, log.Count(x => x.StartsWith("START ", StringComparison.Ordinal)));
    }
}
