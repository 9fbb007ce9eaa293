namespace Patterns.Hosting.Dashboard.Otlp;

/// <summary>An export request the receiver refuses, with the HTTP status OTLP/HTTP prescribes for it (400, 413, 415).</summary>
internal sealed class OtlpRequestException(int statusCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int StatusCode { get; } = statusCode;
}
