using System.Text.Json.Serialization;

namespace Functions.Runtime.ExceptionHandling;

/// <summary>
/// The error document posted to the Runtime API's <c>/invocation/{id}/error</c> and <c>/init/error</c>;
/// Lambda returns it to a synchronous caller as the payload of an <c>Unhandled</c> function error.
/// </summary>
internal sealed record ErrorResponse(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    /// <summary>The inner exception, as the .NET runtime reports it; absent when there is none.</summary>
    [JsonPropertyName("cause")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ErrorResponse? Cause { get; init; }

    public static ErrorResponse FromException(Exception exception)
    {
        var errorType = exception is LambdaRuntimeException runtimeError
            ? runtimeError.ErrorType
            : exception.GetType().FullName ?? exception.GetType().Name;
        return new ErrorResponse(exception.Message, errorType, StackLines(exception))
        {
            Cause = exception.InnerException is { } inner ? FromException(inner) : null,
        };
    }

    private static string[] StackLines(Exception exception) =>
        exception.StackTrace is { } trace
            ? trace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
}
