namespace Patterns.ServiceDefaults.Http;

/// <summary>One whole HTTP answer: status, headers (names compared without case) and body.</summary>
/// <param name="KeepAlive">False when the server closes the connection after this answer.</param>
internal sealed record HttpAnswer(int Status, string Reason, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool KeepAlive)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The header's value; null when it is missing or empty.</summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
