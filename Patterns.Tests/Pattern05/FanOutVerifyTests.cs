using System.Text.Json;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.AwsClients.Lambda;
using Patterns.Tests.Support;

namespace Patterns.Tests.Pattern05;

public sealed class FanOutFixture : PatternAppFixture
{
    protected override IEnumerable<IPattern> Patterns() => [new Pattern05FanOut()];
}

/// <summary>
/// Pattern 5's Verify steps: one publish reaches all three processors, each receiving the same SNS
/// message; three images make nine invocations.
/// </summary>
public sealed class FanOutVerifyTests(FanOutFixture fixture) : IClassFixture<FanOutFixture>
{
    [Fact]
    public async Task Three_images_make_nine_invocations_one_per_processor_and_image()
    {
        var names = Enumerable.Range(1, 3).Select(i => $"img-{Guid.NewGuid():N}-{i}.jpg").ToList();
        var answers = await Task.WhenAll(names.Select(name =>
            fixture.App.Lambda.InvokeAsync(new InvokeRequest(Pattern05FanOut.PublisherName) { Payload = JsonSerializer.SerializeToUtf8Bytes(new { filename = name }) })));

        foreach (var answer in answers)
        {
            Assert.Null(answer.FunctionError);
            var body = JsonDocument.Parse(answer.Payload).RootElement;
            Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
            Assert.True(Guid.TryParse(body.GetProperty("messageId").GetString(), out _));
        }

        (string Function, string Line)[] expected =
        [
            ("ThumbnailGenerator", "[THUMBNAIL] Generating 128x128 thumbnail for {0}"),
            ("MetadataExtractor", "[METADATA] Extracting EXIF data from {0}"),
            ("ImageClassifier", "[CLASSIFY] Running ML classification on {0}"),
        ];
        foreach (var (function, line) in expected)
        {
            var log = await fixture.LogUntilAsync(function, l => names.All(n => l.Any(m => m.Contains(n, StringComparison.Ordinal))), $"{function}'s three images");
            foreach (var name in names)
                Assert.Single(log, m => m == string.Format(System.Globalization.CultureInfo.InvariantCulture, line, name));
        }
        // The publisher's log reaches CloudWatch Logs on the log writer's schedule, after its result.
        await fixture.LogUntilAsync(Pattern05FanOut.PublisherName, l => names.All(n => l.Contains($"Published image event for {n}")), "the publisher's three lines");
    }
}
