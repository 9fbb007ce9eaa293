using System.Security.Cryptography;

namespace Patterns.Tests.Functions;

/// <summary>Two RSA keys made once per test class (making one takes a noticeable moment): the pool's, and a forger's.</summary>
public sealed class SigningKeysFixture : IDisposable
{
    public RSA PoolKey { get; } = RSA.Create(2048);

    public RSA ForgerKey { get; } = RSA.Create(2048);

    public void Dispose()
    {
        PoolKey.Dispose();
        ForgerKey.Dispose();
    }
}
