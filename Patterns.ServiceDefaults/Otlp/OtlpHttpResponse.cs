namespace Patterns.ServiceDefaults.Otlp;

/// <summary>An OTLP receiver's answer to one export request.</summary>
/// <param name="KeepAlive">False when the receiver closes the connection after this answer.</param>
internal sealed record OtlpHttpResponse(int Status, string Reason, string? ContentType, byte[] Body, bool KeepAlive)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
