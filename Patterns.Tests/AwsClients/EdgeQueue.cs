using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Patterns.Tests.AwsClients;

/// <summary>An SQS queue created through the local cloud's edge with the AWS SDK, to receive what SNS and EventBridge deliver.</summary>
internal sealed class EdgeQueue : IDisposable
{
    private readonly AmazonSQSClient _sqs;

    private EdgeQueue(AmazonSQSClient sqs, string url, string arn)
    {
        _sqs = sqs;
        Url = url;
        Arn = arn;
    }

    public string Url { get; }

    public string Arn { get; }

    public static async Task<EdgeQueue> CreateAsync(Uri edge, string name)
    {
        var sqs = new AmazonSQSClient(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig { ServiceURL = edge.ToString(), AuthenticationRegion = "us-east-1" });
        var url = (await sqs.CreateQueueAsync(name)).QueueUrl;
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest(url, ["QueueArn"]));
        return new EdgeQueue(sqs, url, attributes.QueueARN);
    }

    /// <summary>Receives (and deletes) messages until <paramref name="count"/> have arrived; fails after <paramref name="timeout"/>.</summary>
    public async Task<List<Message>> ReceiveAsync(int count, TimeSpan timeout)
    {
        var received = new List<Message>();
        var deadline = DateTime.UtcNow + timeout;
        while (received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Queue {Url} got {received.Count} of {count} messages within {timeout.TotalSeconds:0} s.");
            var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest(Url) { MaxNumberOfMessages = 10, WaitTimeSeconds = 1, MessageAttributeNames = ["All"] });
            foreach (var message in response.Messages ?? [])
            {
                received.Add(message);
                await _sqs.DeleteMessageAsync(Url, message.ReceiptHandle);
            }
        }
        return received;
    }

    public void Dispose() => _sqs.Dispose();
}
