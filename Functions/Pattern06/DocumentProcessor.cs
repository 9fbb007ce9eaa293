using System.Text;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Functions.Runtime;
using Functions.Runtime.Handlers;
using Patterns.ServiceDefaults;

namespace Functions.Pattern06;

/// <summary>
/// Pattern 6's processor, <c>Functions::Functions.Pattern06.DocumentProcessor::HandleAsync</c>:
/// for each object an S3 notification names, it reads the object and writes a summary (source
/// key and bucket, size, the first 500 characters) to <c>processed/&lt;key&gt;.json</c> in the
/// bucket named by PROCESSED_BUCKET.
/// </summary>
public sealed class DocumentProcessor
{
    public const string ProcessedBucketVariable = "PROCESSED_BUCKET";
    private const int PreviewCharacters = 500;

    // Enough bytes for 500 characters of UTF-8; bytes that are not UTF-8 are dropped, as the seed's errors='ignore' does.
    private const int PreviewBytes = PreviewCharacters * 4;
    private static readonly Encoding LenientUtf8 = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(string.Empty));
    private static readonly JsonSerializerOptions Indented = LambdaJson.With(new() { WriteIndented = true });

    private readonly IAmazonS3 s3;
    private readonly string processedBucket;

    public DocumentProcessor()
        : this(CreateClient(), RequiredVariable(ProcessedBucketVariable))
    {
    }

    internal DocumentProcessor(IAmazonS3 s3, string processedBucket)
    {
        this.s3 = s3;
        this.processedBucket = processedBucket;
    }

    public async Task<ProcessorSummary> HandleAsync(JsonElement @event, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (@event.ValueKind != JsonValueKind.Object || !@event.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
            throw new ArgumentException("The event has no Records array: DocumentProcessor expects S3 event notifications.");

        using var timeout = new CancellationTokenSource(context.RemainingTime);
        var count = 0;
        foreach (var record in records.EnumerateArray())
        {
            var s3Entity = record.GetProperty("s3");
            var bucket = s3Entity.GetProperty("bucket").GetProperty("name").GetString()!;
            var key = S3EventKey.Decode(s3Entity.GetProperty("object").GetProperty("key").GetString()!);
            var size = s3Entity.GetProperty("object").TryGetProperty("size", out var sizeValue) ? sizeValue.GetInt64() : 0;
            context.Logger.LogLine($"Processing: s3://{bucket}/{key} ({size} bytes)");

            var preview = await ReadPreviewAsync(bucket, key, timeout.Token);
            var outKey = $"processed/{key}.json";
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = processedBucket,
                Key = outKey,
                ContentBody = JsonSerializer.Serialize(new ProcessedDocument(key, bucket, size, preview, "processed"), Indented.TypeInfo<ProcessedDocument>()),
                ContentType = "application/json",
            }, timeout.Token);
            context.Logger.LogLine($"Result written to s3://{processedBucket}/{outKey}");
            count++;
        }
        return new ProcessorSummary(count);
    }

    private async Task<string> ReadPreviewAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
        var buffer = new byte[PreviewBytes];
        var read = 0;
        int last;
        while (read < buffer.Length && (last = await response.ResponseStream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            read += last;
        var text = LenientUtf8.GetString(buffer, 0, read);
        return text.Length <= PreviewCharacters ? text : text[..PreviewCharacters];
    }

    private static AmazonS3Client CreateClient()
    {
        var config = AwsClientDefaults.Configure(new AmazonS3Config());
        // A local endpoint (AWS_ENDPOINT_URL) serves buckets by path, not as subdomains of 127.0.0.1.
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL")))
            config.ForcePathStyle = true;
        return new AmazonS3Client(config);
    }

    private static string RequiredVariable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: DocumentProcessor writes its results to the bucket it names, as the app model sets it.");
}
