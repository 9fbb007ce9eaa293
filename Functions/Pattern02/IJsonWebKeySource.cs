using System.Security.Cryptography;

namespace Functions.Pattern02;

/// <summary>The user pool's signing keys by key id (kid).</summary>
internal interface IJsonWebKeySource
{
    Task<IReadOnlyDictionary<string, RSAParameters>> GetKeysAsync(CancellationToken cancellationToken);
}
