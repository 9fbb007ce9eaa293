namespace Patterns.AwsClients.Core;

/// <summary>A successful answer: status, headers (case-insensitive names) and the whole body.</summary>
internal sealed record AwsResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
