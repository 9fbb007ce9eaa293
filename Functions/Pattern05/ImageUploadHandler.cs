using System.Text.Json;
using Functions.Runtime;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.Sns;

namespace Functions.Pattern05;

/// <summary>
/// Pattern 5's publisher, <c>Functions::Functions.Pattern05.ImageUploadHandler::HandleAsync</c>:
/// <c>{"filename": "vacation.jpg"}</c> publishes one image event to the topic in TOPIC_ARN, and
/// SNS fans it out to every subscriber at once.
/// </summary>
public sealed class ImageUploadHandler
{
    public const string TopicArnVariable = "TOPIC_ARN";

    private readonly SnsClient sns;
    private readonly string topicArn;

    public ImageUploadHandler()
        : this(new SnsClient(new AwsClientOptions()), Environment.GetEnvironmentVariable(TopicArnVariable) is { Length: > 0 } arn
            ? arn
            : throw new InvalidOperationException($"{TopicArnVariable} is not set: ImageUploadHandler publishes to the topic it names (ImageProcessingTopic in Pattern 5), as the app model sets it."))
    {
    }

    internal ImageUploadHandler(SnsClient sns, string topicArn)
    {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    public async Task<PublishResult> HandleAsync(JsonElement request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var filename = "photo.jpg";
        if (request.ValueKind == JsonValueKind.Object && request.TryGetProperty("filename", out var value) && value.ValueKind != JsonValueKind.Null)
        {
            filename = value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } given
                ? given
                : throw new ArgumentException($"filename must be a non-empty string such as \"vacation.jpg\"; got {value.GetRawText()}.");
        }

        var message = new ImageUploaded(filename, "my-image-bucket", "2.4MB", "2025-02-25T10:00:00Z");
        using var timeout = new CancellationTokenSource(context.RemainingTime);
        var response = await sns.PublishAsync(
            new PublishRequest(JsonSerializer.Serialize(message, FunctionsJsonContext.Default.ImageUploaded)) { TopicArn = topicArn, Subject = "New Image Uploaded" }, timeout.Token);

        context.Logger.LogLine($"Published image event for {filename}");
        context.Logger.LogLine($"SNS MessageId: {response.MessageId}");
        return new PublishResult(200, response.MessageId);
    }
}
