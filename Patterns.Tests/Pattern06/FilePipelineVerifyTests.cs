using System.Text;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Tests.Support;

namespace Patterns.Tests.Pattern06;

public sealed class FilePipelineFixture : PatternAppFixture
{
    protected override IEnumerable<IPattern> Patterns() => [new Pattern06FilePipeline()];
}

/// <summary>
/// Pattern 6's Verify steps: an upload to the uploads bucket becomes processed/&lt;key&gt;.json in the
/// processed bucket with the source, size and a preview; keys with spaces and non-ASCII characters
/// arrive URL-encoded and are read back decoded; two uploads are two invocations.
/// </summary>
public sealed class FilePipelineVerifyTests(FilePipelineFixture fixture) : IClassFixture<FilePipelineFixture>
{
    [Theory]
    [InlineData("notes.txt")]
    [InlineData("red flower.jpg")]
    [InlineData("café/über größe.csv")]
    public async Task An_upload_becomes_a_processed_summary(string suffix)
    {
        var key = $"{Guid.NewGuid():N}-{suffix}";
        var content = $"id,name\n1,{suffix}\n" + new string('x', 600);
        using var s3 = fixture.App.CreateS3Client();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Pattern06FilePipeline.UploadsBucket, Key = key, ContentBody = content });

        var summary = await Poll.UntilAsync(() => TryGetAsync(s3, $"processed/{key}.json"), s => s is not null, TimeSpan.FromSeconds(20), $"processed/{key}.json");
        var json = JsonDocument.Parse(summary!).RootElement;
        Assert.Equal(key, json.GetProperty("source").GetString());
        Assert.Equal(Pattern06FilePipeline.UploadsBucket, json.GetProperty("sourceBucket").GetString());
        Assert.Equal(Encoding.UTF8.GetByteCount(content), json.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(content[..500], json.GetProperty("contentPreview").GetString());
        Assert.Equal("processed", json.GetProperty("status").GetString());

        var log = await fixture.LogUntilAsync(Pattern06FilePipeline.ProcessorName, l => l.Any(m => m.Contains(key, StringComparison.Ordinal) && m.StartsWith("Result written", StringComparison.Ordinal)), "the result line");
        Assert.Contains($"Processing: s3://{Pattern06FilePipeline.UploadsBucket}/{key} ({Encoding.UTF8.GetByteCount(content)} bytes)", log);
        Assert.Contains($"Result written to s3://{Pattern06FilePipeline.ProcessedBucket}/processed/{key}.json", log);
    }

    [Fact]
    public async Task Two_uploads_are_two_invocations()
    {
        var keys = new[] { $"{Guid.NewGuid():N}-a.txt", $"{Guid.NewGuid():N}-b.txt" };
        using var s3 = fixture.App.CreateS3Client();
        await Task.WhenAll(keys.Select(k => s3.PutObjectAsync(new PutObjectRequest { BucketName = Pattern06FilePipeline.UploadsBucket, Key = k, ContentBody = k })));

        var log = await fixture.LogUntilAsync(Pattern06FilePipeline.ProcessorName,
            l => keys.All(k => l.Any(m => m.StartsWith("Result written", StringComparison.Ordinal) && m.Contains(k, StringComparison.Ordinal))), "both results");
        Assert.All(keys, k => Assert.Single(log, m => m.StartsWith("Processing: ", StringComparison.Ordinal) && m.Contains(k, StringComparison.Ordinal)));
        // One invocation per object, as S3 notifies, not one with two records: an instance writes an
        // invocation's lines together in its own stream, so the START before each key's line names its invocation.
        using var edge = new HttpClient { BaseAddress = fixture.App.EdgeUrl };
        var events = await CloudWatchLogs.EventsAsync(edge, $"/aws/lambda/{Pattern06FilePipeline.ProcessorName}");
        var invocations = keys.Select(k => InvocationOf(events, k)).ToList();
        Assert.All(invocations, Assert.NotNull);
        Assert.NotEqual(invocations[0], invocations[1]);
    }

    private static string? InvocationOf(List<(string Stream, string Message)> events, string key)
    {
        var at = events.FindIndex(e => e.Message.StartsWith("Processing: ", StringComparison.Ordinal) && e.Message.Contains(key, StringComparison.Ordinal));
        for (var i = at - 1; i >= 0 && at >= 0; i--)
        {
            if (events[i].Stream == events[at].Stream && events[i].Message.StartsWith("START RequestId: ", StringComparison.Ordinal))
                return events[i].Message;
        }
        return null;
    }

    private static async Task<string?> TryGetAsync(IAmazonS3 s3, string key)
    {
        try
        {
            using var response = await s3.GetObjectAsync(Pattern06FilePipeline.ProcessedBucket, key);
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync();
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
