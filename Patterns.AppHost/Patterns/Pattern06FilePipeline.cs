using Patterns.Hosting.Model;

namespace Patterns.AppHost.Patterns;

/// <summary>
/// Pattern 6, file pipeline: every object created in the uploads bucket invokes
/// DocumentProcessor (one invocation per object), which writes processed/&lt;key&gt;.json with the
/// object's size and a preview to the processed bucket.
/// </summary>
public sealed class Pattern06FilePipeline : IPattern
{
    public const string UploadsBucket = "serverless-uploads";
    public const string ProcessedBucket = "serverless-processed";
    public const string ProcessorName = "DocumentProcessor";

    public void Declare(AppModelBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var uploads = app.AddBucket(UploadsBucket);
        var processed = app.AddBucket(ProcessedBucket);
        var processor = app.AddFunction(ProcessorName, "Functions::Functions.Pattern06.DocumentProcessor::HandleAsync")
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithReference(uploads, "UPLOADS_BUCKET", ResourceAccess.Read)
            .WithReference(processed, "PROCESSED_BUCKET", ResourceAccess.Write);
        uploads.WithNotification(processor, ["s3:ObjectCreated:*"]);
    }
}
