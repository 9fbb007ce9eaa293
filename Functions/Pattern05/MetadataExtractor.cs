using System.Text.Json;
using Functions.Runtime;

namespace Functions.Pattern05;

/// <summary>
/// One of Pattern 5's three subscribers of ImageProcessingTopic, <c>Functions::Functions.Pattern05.MetadataExtractor::Handle</c>:
/// it reads the EXIF data of each published image, independently of and in parallel with the other two.
/// </summary>
public sealed class MetadataExtractor
{
    public TaskResult Handle(JsonElement @event, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var filename in ImageMessage.Filenames(@event))
        {
            context.Logger.LogLine($"[METADATA] Extracting EXIF data from {filename}");
            context.Logger.LogLine("[METADATA] Camera: Canon EOS R5, ISO: 400, f/2.8");
        }
        return new TaskResult("metadata", "complete");
    }
}
