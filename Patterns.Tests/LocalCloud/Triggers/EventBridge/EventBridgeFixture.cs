using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Functions.Diagnostics;
using Patterns.LocalCloud;
using Patterns.LocalCloud.Moto;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Triggers.EventBridge;

/// <summary>
/// A local cloud for EventBridge's tests: short retry waits, its log kept, its own spans recorded
/// (telemetry on, exported nowhere), and the raw EventBridge, Lambda, SNS and SQS calls the tests make.
/// </summary>
public sealed class EventBridgeFixture : IAsyncLifetime
{
    public const string Account = "000000000000";
    public const string PrintHandler = "Functions::Functions.Diagnostics.ReceivedEvents::Print";

    // AWS's member names as written (S3Bucket), not the web defaults' camelCase.
    private static readonly JsonSerializerOptions AwsJson = new();

    private readonly LogCapture _log = new();
    private SpanRecorder? _spans;

    public LocalCloudHost Cloud { get; private set; } = null!;

    public HttpClient Edge { get; private set; } = null!;

    public AmazonSQSClient Sqs { get; private set; } = null!;

    internal SpanRecorder Spans => _spans!;

    public string Log => _log.ToString();

    public async Task InitializeAsync()
    {
        Cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions
        {
            EdgePort = 0,
            AsyncRetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)],
            EventBridgeRetryBaseDelay = TimeSpan.FromMilliseconds(10),
            EventBridgeRetryMaxDelay = TimeSpan.FromMilliseconds(50),
            MaxInstancesPerFunction = 2,
            Log = _log,
            // Spans are made and recorded here; nothing listens at this address.
            OtlpEndpoint = new Uri($"http://127.0.0.1:{MotoServer.FreePort()}/"),
        });
        _spans = new SpanRecorder(Cloud.EdgeUrl.Port);
        Edge = new HttpClient { BaseAddress = Cloud.EdgeUrl };
        Sqs = new AmazonSQSClient(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig { ServiceURL = Cloud.EdgeUrl.ToString(), AuthenticationRegion = "us-east-1" });
    }

    public async Task DisposeAsync()
    {
        Sqs.Dispose();
        Edge.Dispose();
        await Cloud.DisposeAsync();
        _spans?.Dispose();
    }

    /// <summary>An EventBridge JSON call through the edge; the answer's status and body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> EventsAsync(string operation, object body, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", $"AWSEvents.{operation}");
        configure?.Invoke(request);
        using var response = await Edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> EventsOkAsync(string operation, object body, Action<HttpRequestMessage>? configure = null)
    {
        var (status, answer) = await EventsAsync(operation, body, configure);
        Assert.True(status == HttpStatusCode.OK, $"{operation} answered {(int)status}: {answer}");
        return answer;
    }

    /// <summary>PutRule with an event pattern; returns the rule's ARN.</summary>
    public async Task<string> PutRuleAsync(string name, string pattern, string? bus = null, string state = "ENABLED") =>
        (await EventsOkAsync("PutRule", new Dictionary<string, object?> { ["Name"] = name, ["EventPattern"] = pattern, ["EventBusName"] = bus, ["State"] = state }))
            .GetProperty("RuleArn").GetString()!;

    public async Task PutTargetsAsync(string rule, string? bus, params object[] targets)
    {
        var answer = await EventsOkAsync("PutTargets", new Dictionary<string, object?> { ["Rule"] = rule, ["EventBusName"] = bus, ["Targets"] = targets });
        Assert.Equal(0, answer.GetProperty("FailedEntryCount").GetInt32());
    }

    /// <summary>PutEvents of one entry; returns the event's id.</summary>
    public async Task<string> PutEventAsync(object entry, Action<HttpRequestMessage>? configure = null)
    {
        var answer = await EventsOkAsync("PutEvents", new { Entries = new[] { entry } }, configure);
        Assert.True(answer.GetProperty("FailedEntryCount").GetInt32() == 0, answer.ToString());
        return answer.GetProperty("Entries")[0].GetProperty("EventId").GetString()!;
    }

    public static string FunctionArn(string name) => $"arn:aws:lambda:us-east-1:{Account}:function:{name}";

    public static string QueueArn(string name) => $"arn:aws:sqs:us-east-1:{Account}:{name}";

    /// <summary>Creates a function of the Functions build through the Lambda API.</summary>
    public async Task CreateFunctionAsync(string name, string handler = PrintHandler)
    {
        using var response = await Edge.PostAsJsonAsync("2015-03-31/functions", new Dictionary<string, object>
        {
            ["FunctionName"] = name,
            ["Runtime"] = "provided.al2023",
            ["Handler"] = handler,
            ["Role"] = $"arn:aws:iam::{Account}:role/lambda-role",
            ["Timeout"] = 10,
            ["Code"] = new { S3Bucket = "hot-reload", S3Key = FunctionsBuild.Directory },
        }, AwsJson);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"CreateFunction {name}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>AddPermission for events.amazonaws.com, limited to the rule, as EventBridge needs to invoke a function.</summary>
    public async Task AllowEventBridgeAsync(string function, string ruleArn)
    {
        using var response = await Edge.PostAsJsonAsync($"2015-03-31/functions/{function}/policy", new
        {
            StatementId = $"events-{Guid.NewGuid():N}",
            Action = "lambda:InvokeFunction",
            Principal = "events.amazonaws.com",
            SourceArn = ruleArn,
        }, AwsJson);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"AddPermission {function}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The events the function printed (<see cref="ReceivedEvents"/>), once there are <paramref name="count"/>.</summary>
    public async Task<List<JsonElement>> ReceivedByFunctionAsync(string function, int count = 1)
    {
        var lines = await Poll.UntilAsync(
            async () => (await CloudWatchLogs.MessagesAsync(Edge, $"/aws/lambda/{function}")).Where(m => m.StartsWith(ReceivedEvents.Marker, StringComparison.Ordinal)).ToList(),
            lines => lines.Count >= count, TimeSpan.FromSeconds(30), $"{count} event(s) in {function}'s log");
        return [.. lines.Select(l => JsonDocument.Parse(l[ReceivedEvents.Marker.Length..]).RootElement.Clone())];
    }

    public async Task<(string Url, string Arn)> CreateQueueAsync(string name)
    {
        var url = (await Sqs.CreateQueueAsync(name)).QueueUrl;
        return (url, QueueArn(name));
    }

    /// <summary>The queue's messages with all attributes, once there are <paramref name="count"/>.</summary>
    public Task<List<Message>> ReceiveAsync(string queueUrl, int count = 1)
    {
        var received = new List<Message>();
        return Poll.UntilAsync(async () =>
            {
                var answer = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = queueUrl,
                    MaxNumberOfMessages = 10,
                    MessageAttributeNames = ["All"],
                    MessageSystemAttributeNames = ["All"],
                    WaitTimeSeconds = 1,
                });
                received.AddRange(answer.Messages ?? []);
                return received;
            },
            messages => messages.Count >= count, TimeSpan.FromSeconds(20), $"{count} message(s) in {queueUrl}");
    }

    /// <summary>An SNS query-protocol call through the edge (signed for sns so the edge knows the service); the XML answer.</summary>
    public async Task<System.Xml.Linq.XDocument> SnsAsync(params (string Name, string Value)[] parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent([new("Version", "2010-03-31"), .. parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))]),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await Edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"SNS {parameters[0].Value}: {text}");
        return System.Xml.Linq.XDocument.Parse(text);
    }

    public Task<List<string>> FilterLogEventsAsync(string group) => CloudWatchLogs.MessagesAsync(Edge, group);

    /// <summary>Whether the queue holds a message now, after every delivery started so far has finished.</summary>
    public async Task<bool> HoldsMessagesAsync(string queueUrl)
    {
        await Cloud.EventBridge.WhenDeliveriesIdleAsync();
        var answer = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 0 });
        return answer.Messages is { Count: > 0 };
    }
}
