namespace Patterns.LocalCloud.Moto;

/// <summary>moto refused a call the local cloud made on its own behalf.</summary>
internal sealed class MotoCallException(string operation, int statusCode, string body)
    : Exception($"moto answered {statusCode} to {operation}: {body}")
{
    public int StatusCode { get; } = statusCode;

    public string Body { get; } = body;

    public bool IsErrorCode(string code) => Body.Contains(code, StringComparison.Ordinal);
}
