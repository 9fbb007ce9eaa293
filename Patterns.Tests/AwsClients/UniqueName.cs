namespace Patterns.Tests.AwsClients;

/// <summary>Resource names no other test (or earlier run against the same cloud) uses.</summary>
internal static class UniqueName
{
    public static string For(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
