using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Patterns.LocalCloud;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Triggers.SqsEventSources;

/// <summary>
/// A local cloud for the SQS event source mapping tests: pollers wait 1 s per receive (so a disabled
/// mapping stops within about a second), four instances per function, the cloud's own log kept for
/// assertions; with helpers for queues, functions, mappings and function logs.
/// </summary>
public class SqsTriggerFixture : IAsyncLifetime
{
    public const string Account = "000000000000";
    public const string Record = "Functions::Functions.Diagnostics.SqsBatches::Record";
    public const string ReportFailures = "Functions::Functions.Diagnostics.SqsBatches::ReportFailures";

    private readonly StringWriter _log = new();
    private readonly TextWriter _synchronizedLog;

    public SqsTriggerFixture() => _synchronizedLog = TextWriter.Synchronized(_log);

    public LocalCloudHost Cloud { get; private set; } = null!;

    public HttpClient Edge { get; private set; } = null!;

    public AmazonSQSClient Sqs { get; private set; } = null!;

    /// <summary>What the local cloud wrote to its log so far.</summary>
    public string LogText
    {
        get
        {
            lock (_synchronizedLog)
                return _log.ToString();
        }
    }

    protected virtual LocalCloudOptions Options(LocalCloudOptions defaults) => defaults;

    public async Task InitializeAsync()
    {
        Cloud = await LocalCloudHost.StartAsync(Options(new LocalCloudOptions
        {
            EdgePort = 0,
            MaxInstancesPerFunction = 4,
            SqsPollWaitTime = TimeSpan.FromSeconds(1),
            Log = _synchronizedLog,
        }));
        Edge = new HttpClient { BaseAddress = Cloud.EdgeUrl };
        Sqs = new AmazonSQSClient(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig { ServiceURL = Cloud.EdgeUrl.ToString(), AuthenticationRegion = "us-east-1" });
    }

    public static string QueueArn(string name) => $"arn:aws:sqs:us-east-1:{Account}:{name}";

    /// <summary>Creates a queue; with <paramref name="deadLetterQueue"/> it redrives there after <paramref name="maxReceiveCount"/> receives.</summary>
    public async Task<string> CreateQueueAsync(string name, int visibilityTimeoutSeconds = 30, string? deadLetterQueue = null, int maxReceiveCount = 3, bool fifo = false)
    {
        var attributes = new Dictionary<string, string> { ["VisibilityTimeout"] = visibilityTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (deadLetterQueue is not null)
            attributes["RedrivePolicy"] = JsonSerializer.Serialize(new { deadLetterTargetArn = QueueArn(deadLetterQueue), maxReceiveCount = maxReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (fifo)
            attributes["FifoQueue"] = "true";
        return (await Sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes })).QueueUrl;
    }

    /// <summary>Creates a function of the Functions build through the Lambda API.</summary>
    public async Task CreateFunctionAsync(string name, string handler, int timeoutSeconds = 3)
    {
        using var response = await Edge.PostAsJsonAsync("2015-03-31/functions", new Dictionary<string, object>
        {
            ["FunctionName"] = name,
            ["Runtime"] = "provided.al2023",
            ["Handler"] = handler,
            ["Role"] = $"arn:aws:iam::{Account}:role/lambda-role",
            ["Timeout"] = timeoutSeconds,
            ["Code"] = new Dictionary<string, string> { ["S3Bucket"] = "hot-reload", ["S3Key"] = FunctionsBuild.Directory },
        });
        if ((int)response.StatusCode != 201)
            throw new InvalidOperationException($"CreateFunction {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A Lambda API call with a JSON body; the status, the error type header and the JSON answer.</summary>
    public async Task<(int Status, string? ErrorType, JsonElement Body)> LambdaAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await Edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.Single() : null;
        return ((int)response.StatusCode, errorType, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Creates a mapping and checks that it was accepted (202).</summary>
    public async Task<JsonElement> CreateMappingAsync(object request)
    {
        var (status, errorType, body) = await LambdaAsync(HttpMethod.Post, "2015-03-31/event-source-mappings/", request);
        if (status != 202)
            throw new InvalidOperationException($"CreateEventSourceMapping answered {status} {errorType}: {body}");
        return body;
    }

    /// <summary>Every message of the function's log group; empty while it does not exist.</summary>
    public Task<List<string>> FunctionLogAsync(string function) => CloudWatchLogs.MessagesAsync(Edge, $"/aws/lambda/{function}");

    /// <summary>Sends messages ten at a time.</summary>
    public async Task SendAsync(string queueUrl, IEnumerable<string> bodies)
    {
        foreach (var chunk in bodies.Chunk(10))
        {
            var response = await Sqs.SendMessageBatchAsync(queueUrl, [.. chunk.Select((b, i) => new SendMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), b))]);
            if (response.Failed is { Count: > 0 } failed)
                throw new InvalidOperationException($"SendMessageBatch failed for {failed.Count} entries: {failed[0].Message}");
        }
    }

    /// <summary>Receives every message in the queue (hiding them for a minute): for dead-letter queues at the end of a test.</summary>
    public async Task<List<Message>> ReceiveAllAsync(string queueUrl)
    {
        var all = new List<Message>();
        while (true)
        {
            var received = (await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = 10,
                VisibilityTimeout = 60,
                MessageSystemAttributeNames = ["All"],
                MessageAttributeNames = ["All"],
            })).Messages ?? [];
            if (received.Count == 0)
                return all;
            all.AddRange(received);
        }
    }

    /// <summary>ApproximateNumberOfMessages + ApproximateNumberOfMessagesNotVisible: what is still in the queue, without receiving it.</summary>
    public async Task<int> MessagesInQueueAsync(string queueUrl)
    {
        // moto reads the two counts one after the other, each against its own clock reading: a
        // message whose visibility timeout ends between them is in neither, so a lone 0 can be a
        // message in flight. A second read counts such a message (it stays visible, or a new
        // receive hides it again, until something deletes it).
        var count = await CountAsync();
        return count == 0 ? await CountAsync() : count;

        async Task<int> CountAsync()
        {
            var attributes = await Sqs.GetQueueAttributesAsync(queueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
            return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
        }
    }

    public async Task DisposeAsync()
    {
        Sqs.Dispose();
        Edge.Dispose();
        await Cloud.DisposeAsync();
    }
}
