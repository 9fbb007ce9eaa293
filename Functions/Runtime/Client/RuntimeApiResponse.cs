namespace Functions.Runtime.Client;

/// <summary>One answer of the Runtime API: status, headers (names compared without case) and the whole body.</summary>
internal sealed record RuntimeApiResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The header's value; null when it is missing or empty.</summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
