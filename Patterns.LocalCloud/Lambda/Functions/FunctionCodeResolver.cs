using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Lambda.Functions;

/// <summary>
/// Turns CreateFunction's / UpdateFunctionCode's code into a directory with a bootstrap:
/// <c>S3Bucket "hot-reload"</c> + an absolute directory in <c>S3Key</c> runs that directory in
/// place (LocalStack's convention, what the app model uses); <c>ZipFile</c> or a real
/// S3Bucket/S3Key is unpacked once per content hash.
/// </summary>
internal sealed class FunctionCodeResolver(MotoClient moto, string stateDirectory)
{
    public const string HotReloadBucket = "hot-reload";

    public async Task<FunctionCode> ResolveAsync(JsonObject code, CancellationToken cancellationToken)
    {
        var bucket = code["S3Bucket"]?.GetValue<string>();
        var key = code["S3Key"]?.GetValue<string>();
        if (bucket == HotReloadBucket)
            return FromDirectory(key ?? throw LambdaErrors.InvalidParameter("Code.S3Key must be the absolute path of the code directory when Code.S3Bucket is \"hot-reload\"."));
        if (code["ZipFile"]?.GetValue<string>() is { } zipBase64)
        {
            byte[] zip;
            try
            {
                zip = Convert.FromBase64String(zipBase64);
            }
            catch (FormatException)
            {
                throw LambdaErrors.InvalidParameter("Code.ZipFile is not valid base64.");
            }
            return Unpack(zip, "ZipFile");
        }
        if (bucket is not null && key is not null)
            return Unpack(await DownloadAsync(bucket, key, cancellationToken).ConfigureAwait(false), $"s3://{bucket}/{key}");
        if (code["ImageUri"] is not null)
            throw LambdaErrors.InvalidParameter("Container image functions (Code.ImageUri) are not supported locally: no container engine is used. Package the function as a zip with a bootstrap.");
        throw LambdaErrors.InvalidParameter("Code must have ZipFile, S3Bucket and S3Key, or S3Bucket \"hot-reload\" with a directory in S3Key.");
    }

    private static FunctionCode FromDirectory(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!File.Exists(Path.Combine(full, "bootstrap")))
            throw LambdaErrors.CodeDirectoryMissing(full);
        var sha = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(full)));
        return new FunctionCode(full, sha, 0, new Uri(full).AbsoluteUri);
    }

    private FunctionCode Unpack(byte[] zip, string source)
    {
        var hash = SHA256.HashData(zip);
        var directory = Path.Combine(stateDirectory, "code", Convert.ToHexStringLower(hash));
        if (!File.Exists(Path.Combine(directory, "bootstrap")))
        {
            var staging = directory + "." + Guid.NewGuid().ToString("N");
            try
            {
                using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
                    archive.ExtractToDirectory(staging, overwriteFiles: true);
            }
            catch (InvalidDataException exception)
            {
                throw LambdaErrors.InvalidParameter($"Could not unzip uploaded file ({source}): {exception.Message}");
            }
            var bootstrap = Path.Combine(staging, "bootstrap");
            if (!File.Exists(bootstrap))
            {
                Directory.Delete(staging, recursive: true);
                throw LambdaErrors.InvalidParameter($"The code ({source}) has no bootstrap file at the root of the zip; a provided.al2023 function needs one.");
            }
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(bootstrap, File.GetUnixFileMode(bootstrap) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            try
            {
                Directory.Move(staging, directory);
            }
            catch (IOException) when (File.Exists(Path.Combine(directory, "bootstrap")))
            {
                Directory.Delete(staging, recursive: true); // unpacked by a concurrent create of the same code
            }
        }
        return new FunctionCode(directory, Convert.ToBase64String(hash), zip.Length, source);
    }

    private async Task<byte[]> DownloadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var path = "/" + Uri.EscapeDataString(bucket) + "/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        using var request = moto.CreateRequest(HttpMethod.Get, path, "s3");
        using var response = await moto.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw LambdaErrors.InvalidParameter($"Error occurred while GetObject. S3 Error Code: {(response.StatusCode == System.Net.HttpStatusCode.NotFound ? "NoSuchKey" : response.StatusCode.ToString())}. S3 Error Message: could not read s3://{bucket}/{key}.");
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }
}
