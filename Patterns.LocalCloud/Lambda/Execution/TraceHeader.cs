using System.Security.Cryptography;

namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>X-Ray trace headers (Root=1-{epoch hex}-{96-bit hex};Parent={64-bit hex};Sampled=1), as AWS passes them to runtimes.</summary>
internal static class TraceHeader
{
    public static string New()
    {
        var epoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"Root=1-{epoch:x8}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))};Parent={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))};Sampled=1";
    }
}
