namespace Patterns.LocalCloud.Lambda.Functions;

/// <summary>Where a function's code lives on this machine and how AWS describes it.</summary>
/// <param name="Directory">The unpacked code; its <c>bootstrap</c> is what runs.</param>
/// <param name="Sha256">Base64 SHA-256, as CodeSha256.</param>
/// <param name="Size">Bytes, as CodeSize.</param>
/// <param name="Location">What GetFunction reports as Code.Location.</param>
internal sealed record FunctionCode(string Directory, string Sha256, long Size, string Location);
