using Patterns.Hosting.Model;

namespace Patterns.AppHost.Patterns;

/// <summary>
/// Pattern 5, fan-out: ImageUploadHandler publishes each image event once to ImageProcessingTopic,
/// and SNS invokes ThumbnailGenerator, MetadataExtractor and ImageClassifier in parallel. A fourth
/// processor is one more function and one more subscription.
/// </summary>
public sealed class Pattern05FanOut : IPattern
{
    public const string TopicName = "ImageProcessingTopic";
    public const string PublisherName = "ImageUploadHandler";
    public static IReadOnlyList<string> SubscriberNames { get; } = ["ThumbnailGenerator", "MetadataExtractor", "ImageClassifier"];

    public void Declare(AppModelBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var topic = app.AddTopic(TopicName);
        foreach (var name in SubscriberNames)
            topic.WithSubscription(app.AddFunction(name, $"Functions::Functions.Pattern05.{name}::Handle"));
        app.AddFunction(PublisherName, "Functions::Functions.Pattern05.ImageUploadHandler::HandleAsync")
            .WithReference(topic, "TOPIC_ARN", ResourceAccess.Write);
    }
}
