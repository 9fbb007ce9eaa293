namespace Patterns.LocalCloud.Edge;

/// <summary>moto's answer to a forwarded call: its status and body (its headers are already on the client's response).</summary>
internal sealed record CapturedResponse(int StatusCode, byte[] Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
