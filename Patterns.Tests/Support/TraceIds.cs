namespace Patterns.Tests.Support;

/// <summary>Fresh W3C ids for a test's own traceparent: a 32-hex trace id and a 16-hex span id.</summary>
internal static class TraceIds
{
    public static (string TraceId, string SpanId) New() =>
        (Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64(1, long.MaxValue))));
}
