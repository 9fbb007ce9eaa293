using System.Security.Cryptography;
using Functions.Pattern02;

namespace Patterns.Tests.Functions;

/// <summary>A user pool's keys as a test decides them, without a JWKS endpoint.</summary>
internal sealed class StaticJsonWebKeySource(IReadOnlyDictionary<string, RSAParameters> keys) : IJsonWebKeySource
{
    public Task<IReadOnlyDictionary<string, RSAParameters>> GetKeysAsync(CancellationToken cancellationToken) => Task.FromResult(keys);
}
