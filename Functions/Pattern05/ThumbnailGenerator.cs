using System.Text.Json;
using Functions.Runtime;

namespace Functions.Pattern05;

/// <summary>
/// One of Pattern 5's three subscribers of ImageProcessingTopic, <c>Functions::Functions.Pattern05.ThumbnailGenerator::Handle</c>:
/// it makes the thumbnail of each published image, independently of and in parallel with the other two.
/// </summary>
public sealed class ThumbnailGenerator
{
    public TaskResult Handle(JsonElement @event, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var filename in ImageMessage.Filenames(@event))
        {
            context.Logger.LogLine($"[THUMBNAIL] Generating 128x128 thumbnail for {filename}");
            context.Logger.LogLine($"[THUMBNAIL] Writing to thumbnails/{filename}");
        }
        return new TaskResult("thumbnail", "complete");
    }
}
