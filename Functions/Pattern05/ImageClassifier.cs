using System.Text.Json;
using Functions.Runtime;

namespace Functions.Pattern05;

/// <summary>
/// One of Pattern 5's three subscribers of ImageProcessingTopic, <c>Functions::Functions.Pattern05.ImageClassifier::Handle</c>:
/// it labels the image of each published image, independently of and in parallel with the other two.
/// </summary>
public sealed class ImageClassifier
{
    public TaskResult Handle(JsonElement @event, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var filename in ImageMessage.Filenames(@event))
        {
            context.Logger.LogLine($"[CLASSIFY] Running ML classification on {filename}");
            context.Logger.LogLine("[CLASSIFY] Labels: outdoor (0.97), landscape (0.91), sunset (0.84)");
        }
        return new TaskResult("classify", "complete");
    }
}
