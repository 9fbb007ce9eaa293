using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Patterns.Hosting.Dashboard.Otlp;

/// <summary>
/// Reads an export request's body, gunzipping it when it says so, and refuses one larger than
/// the limit, compressed or not, before it is held in memory whole.
/// </summary>
internal static class OtlpBody
{
    /// <exception cref="OtlpRequestException">413 when too large, 415 for an unknown encoding, 400 for broken gzip.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            throw TooLarge(limit, $"Content-Length is {request.ContentLength} bytes");
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var body = request.ContentLength is { } length
            ? await ReadExactlyAsync(request.Body, (int)length, cancellationToken).ConfigureAwait(false)
            : await ReadLimitedAsync(request.Body, limit, "The request body", cancellationToken).ConfigureAwait(false);
        switch (encoding.ToLowerInvariant())
        {
            case "" or "identity":
                return body;
            case "gzip":
                try
                {
                    await using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
                    return await ReadLimitedAsync(gzip, limit, "The decompressed body", cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException exception)
                {
                    throw new OtlpRequestException(400, $"The body says Content-Encoding: gzip but is not valid gzip: {exception.Message}", exception);
                }
            default:
                throw new OtlpRequestException(415, $"Content-Encoding '{encoding}' is not supported; send the body uncompressed or gzip-compressed.");
        }
    }

    /// <summary>
    /// A body of known length (the server holds it to its Content-Length) goes straight into an
    /// array of that size: a function process exports after every invocation, and each export
    /// would otherwise cost a read buffer and a copy.
    /// </summary>
    private static async Task<byte[]> ReadExactlyAsync(Stream source, int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        await source.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return body;
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream source, long limit, string what, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                    throw TooLarge(limit, $"{what} is larger than that");
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static OtlpRequestException TooLarge(long limit, string detail) =>
        new(413, $"The dashboard accepts OTLP requests of at most {limit} bytes; {detail}. Export in smaller batches (e.g. a lower OTEL_BSP_MAX_EXPORT_BATCH_SIZE).");
}
