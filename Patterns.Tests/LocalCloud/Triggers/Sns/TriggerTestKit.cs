using System.Net.Http.Json;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Functions.Diagnostics;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Triggers.Sns;

/// <summary>What the trigger tests share: permissions for AWS services to invoke a function, an SQS client, and the events a printing function logged.</summary>
internal static class TriggerTestKit
{
    public const string Account = "000000000000";
    public const string PrinterHandler = "Functions::Functions.Diagnostics.EventPrinter::Print";

    public static async Task AllowAsync(HttpClient edge, string function, string principal, string sourceArn)
    {
        using var response = await edge.PostAsJsonAsync($"2015-03-31/functions/{function}/policy", new
        {
            StatementId = $"allow-{principal}-{Guid.NewGuid():N}",
            Action = "lambda:InvokeFunction",
            Principal = principal,
            SourceArn = sourceArn,
        }, new JsonSerializerOptions());
        Assert.Equal(201, (int)response.StatusCode);
    }

    public static AmazonSQSClient Sqs(LocalCloudFixture fixture) => Sqs(fixture.Cloud.EdgeUrl);

    public static AmazonSQSClient Sqs(Uri edge) =>
        new(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig { ServiceURL = edge.ToString(), AuthenticationRegion = "us-east-1" });

    public static string QueueArn(string name) => $"arn:aws:sqs:us-east-1:{Account}:{name}";

    /// <summary>Receives until <paramref name="count"/> messages arrived (or the deadline passed).</summary>
    public static async Task<List<Message>> ReceiveAsync(AmazonSQSClient sqs, string queueUrl, int count, TimeSpan timeout)
    {
        var received = new List<Message>();
        await Poll.UntilAsync(async () =>
        {
            var batch = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 0, MessageAttributeNames = ["All"], MessageSystemAttributeNames = ["All"] });
            foreach (var message in batch.Messages ?? [])
            {
                received.Add(message);
                await sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle);
            }
            return received.Count;
        }, n => n >= count, timeout, $"{count} message(s) on {queueUrl}");
        return received;
    }

    /// <summary>Every event the EventPrinter function <paramref name="function"/> logged, once at least <paramref name="count"/> are there.</summary>
    public static async Task<List<JsonElement>> PrintedEventsAsync(LocalCloudFixture fixture, string function, int count, TimeSpan? timeout = null)
    {
        var lines = await Poll.UntilAsync(() => fixture.FilterLogEventsAsync($"/aws/lambda/{function}"),
            l => l.Count(x => x.StartsWith(EventPrinter.Marker, StringComparison.Ordinal)) >= count, timeout ?? TimeSpan.FromSeconds(30), $"{count} event(s) printed by {function}");
        return [.. lines.Where(x => x.StartsWith(EventPrinter.Marker, StringComparison.Ordinal)).Select(x => JsonDocument.Parse(x[EventPrinter.Marker.Length..]).RootElement.Clone())];
    }
}
