using System.Globalization;
using System.Security.Cryptography;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>X-Ray trace ids in the X-Amzn-Trace-Id header form: Root=1-{epoch seconds, 8 hex}-{96 random bits, 24 hex}.</summary>
internal static class XRayTraceId
{
    public static string NewRoot(DateTimeOffset now) =>
        "Root=1-" + now.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture) + "-" + RandomNumberGenerator.GetHexString(24, lowercase: true);
}
