namespace Patterns.AwsClients.Core;

/// <summary>A request's signature with the intermediate strings, so tests can check each stage.</summary>
internal sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string SignedHeaders,
    string Signature,
    string Authorization);
