using System.Text.Json;
using Functions.Pattern03;
using Functions.Pattern05;

namespace Patterns.Tests.Functions.Patterns;

/// <summary>The subscribers of Patterns 3 and 5 log the seed's lines and answer the seed's shapes.</summary>
public sealed class SubscriberFunctionTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void OrderNotifier_logs_the_order_from_the_event_detail()
    {
        var logger = new RecordingLogger();
        var result = new OrderNotifier().Handle(
            Json("""{"version":"0","source":"ecommerce.orders","detail-type":"OrderPlaced","detail":{"orderId":"a1b2c3d4","amount":249.99,"customerId":"cust-007"}}"""),
            TestContexts.Create(logger));

        Assert.Equal(new OrderResult("notification sent", "a1b2c3d4"), result);
        Assert.Equal(["[NOTIFY] Order a1b2c3d4 placed by cust-007 for $249.99", "Sending confirmation email for order: a1b2c3d4"], logger.Lines);
    }

    [Fact]
    public void OrderNotifier_reads_missing_fields_as_the_seed_defaults()
    {
        var logger = new RecordingLogger();
        var result = new OrderNotifier().Handle(Json("""{"detail":{}}"""), TestContexts.Create(logger));

        Assert.Equal("unknown", result.OrderId);
        Assert.Equal("[NOTIFY] Order unknown placed by unknown for $0", logger.Lines[0]);
    }

    [Fact]
    public void InventoryReducer_logs_the_seed_line()
    {
        var logger = new RecordingLogger();
        var result = new InventoryReducer().Handle(Json("""{"detail":{"orderId":"o-9","amount":100.0,"customerId":"c"}}"""), TestContexts.Create(logger));

        Assert.Equal(new OrderResult("inventory reduced", "o-9"), result);
        Assert.Equal(["[INVENTORY] Reducing stock for order o-9"], logger.Lines);
    }

    public static TheoryData<string, string, string, string> ImageProcessors => new()
    {
        { "thumbnail", "[THUMBNAIL] Generating 128x128 thumbnail for vacation.jpg", "[THUMBNAIL] Writing to thumbnails/vacation.jpg", nameof(ThumbnailGenerator) },
        { "metadata", "[METADATA] Extracting EXIF data from vacation.jpg", "[METADATA] Camera: Canon EOS R5, ISO: 400, f/2.8", nameof(MetadataExtractor) },
        { "classify", "[CLASSIFY] Running ML classification on vacation.jpg", "[CLASSIFY] Labels: outdoor (0.97), landscape (0.91), sunset (0.84)", nameof(ImageClassifier) },
    };

    [Theory]
    [MemberData(nameof(ImageProcessors))]
    public void Each_image_processor_logs_its_two_lines_per_record(string task, string first, string second, string processor)
    {
        var logger = new RecordingLogger();
        var message = JsonSerializer.Serialize(new { filename = "vacation.jpg", bucket = "my-image-bucket", size = "2.4MB", uploadedAt = "2025-02-25T10:00:00Z" });
        var @event = Json(JsonSerializer.Serialize(new { Records = new[] { new { EventSource = "aws:sns", Sns = new { Type = "Notification", Message = message } } } }));
        var context = TestContexts.Create(logger);

        TaskResult result = processor switch
        {
            nameof(ThumbnailGenerator) => new ThumbnailGenerator().Handle(@event, context),
            nameof(MetadataExtractor) => new MetadataExtractor().Handle(@event, context),
            _ => new ImageClassifier().Handle(@event, context),
        };

        Assert.Equal(new TaskResult(task, "complete"), result);
        Assert.Equal([first, second], logger.Lines);
    }

    [Fact]
    public void An_image_processor_refuses_an_event_that_is_not_from_sns()
    {
        var error = Assert.Throws<ArgumentException>(() => new ThumbnailGenerator().Handle(Json("""{"filename":"x.jpg"}"""), TestContexts.Create(new RecordingLogger())));
        Assert.Contains("SNS event", error.Message, StringComparison.Ordinal);
    }
}
