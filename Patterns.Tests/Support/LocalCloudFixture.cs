using System.Net.Http.Json;
using System.Text.Json;
using Patterns.LocalCloud;

namespace Patterns.Tests.Support;

/// <summary>One local cloud (edge on a free port) shared by the tests of a class.</summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions AwsJson = new();

    public LocalCloudHost Cloud { get; private set; } = null!;

    public HttpClient Edge { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions
        {
            EdgePort = 0,
            AsyncRetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)],
            MaxInstancesPerFunction = 4,
            Log = null,
        });
        Edge = new HttpClient { BaseAddress = Cloud.EdgeUrl };
    }

    /// <summary>Creates a function of the Functions build through the Lambda API.</summary>
    public async Task CreateFunctionAsync(string name, string handler, int timeoutSeconds = 3, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["FunctionName"] = name,
            ["Runtime"] = "provided.al2023",
            ["Handler"] = handler,
            ["Role"] = "arn:aws:iam::000000000000:role/lambda-role",
            ["Timeout"] = timeoutSeconds,
            ["Code"] = new { S3Bucket = "hot-reload", S3Key = FunctionsBuild.Directory },
        };
        if (extra is not null)
            foreach (var property in JsonSerializer.SerializeToElement(extra, AwsJson).EnumerateObject())
                body[property.Name] = property.Value;
        using var response = await Edge.PostAsJsonAsync("2015-03-31/functions", body, AwsJson);
        if ((int)response.StatusCode != 201)
            throw new InvalidOperationException(
                $"CreateFunction {name}: {(int)response.StatusCode} {string.Join(',', response.Headers.TryGetValues("x-amzn-ErrorType", out var type) ? type : [])} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Every message of a log group (CloudWatch Logs FilterLogEvents through the edge); empty while the group does not exist.</summary>
    public Task<List<string>> FilterLogEventsAsync(string group) => CloudWatchLogs.MessagesAsync(Edge, group);

    public async Task DisposeAsync()
    {
        Edge.Dispose();
        await Cloud.DisposeAsync();
    }
}
