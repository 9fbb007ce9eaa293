using System.Text.Json;
using Functions.Runtime.ExceptionHandling;
using Functions.Runtime.Handlers;

namespace Patterns.Tests.Functions;

public sealed class ErrorResponseTests
{
    [Fact]
    public void Serializes_to_lambdas_error_document()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("outer", new FormatException("inner"));
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        var json = JsonSerializer.Serialize(ErrorResponse.FromException(thrown), LambdaJson.CreateOptions());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["errorMessage", "errorType", "stackTrace", "cause"], root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("outer", root.GetProperty("errorMessage").GetString());
        Assert.Equal("System.InvalidOperationException", root.GetProperty("errorType").GetString());
        Assert.StartsWith("at Patterns.Tests.Functions.ErrorResponseTests", root.GetProperty("stackTrace")[0].GetString());
        Assert.Equal("System.FormatException", root.GetProperty("cause").GetProperty("errorType").GetString());
        Assert.False(root.GetProperty("cause").TryGetProperty("cause", out _));
    }

    [Fact]
    public void Uses_the_runtimes_own_error_type_for_runtime_failures()
    {
        var error = ErrorResponse.FromException(new LambdaRuntimeException(RuntimeErrors.HandlerNotFound, "no such handler"));

        Assert.Equal(RuntimeErrors.HandlerNotFound, error.ErrorType);
        Assert.Equal("no such handler", error.ErrorMessage);
        Assert.Empty(error.StackTrace);
    }
}
