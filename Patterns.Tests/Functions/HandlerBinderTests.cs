using System.Text;
using Functions.Runtime.ExceptionHandling;
using Functions.Runtime.Handlers;

namespace Patterns.Tests.Functions;

/// <summary>Binding handler strings to methods of every supported shape, and refusing the others.</summary>
public sealed class HandlerBinderTests
{
    private const string Samples = "Patterns.Tests::Patterns.Tests.Functions.Handlers.SampleHandlers::";

    [Theory]
    [InlineData("TypedEvent", """{"ORDERID":"o-1","quantity":2}""", """{"receipt_id":"o-1","doubled":4}""")]
    [InlineData("EventAndContext", """{"x":"y"}""", "\"request-1:y\"")]
    [InlineData("ContextOnly", "{}", "\"TestFunction\"")]
    [InlineData("NoParameters", "", "42")]
    [InlineData("TaskOfInt", "41", "42")]
    [InlineData("ValueTaskOfNull", "{}", "null")]
    [InlineData("StreamInStreamOut", "raw, not JSON", "RAW, NOT JSON")]
    public async Task Binds_each_supported_shape_and_writes_its_result(string method, string payload, string expected)
    {
        var body = await InvokeAsync(Samples + method, payload);

        Assert.Equal(expected, Encoding.UTF8.GetString(body!));
    }

    [Theory]
    [InlineData("VoidWithJsonNode", """{"x":"y"}""")]
    [InlineData("TaskWithString", "\"hello\"")]
    public async Task A_handler_without_a_result_posts_no_body(string method, string payload)
    {
        Assert.Null(await InvokeAsync(Samples + method, payload));
    }

    [Fact]
    public async Task An_instance_handler_is_created_once_and_reused()
    {
        var handler = Bind("Patterns.Tests::Patterns.Tests.Functions.Handlers.CountingHandler::Handle");

        await handler.InvokeAsync(ReadOnlyMemory<byte>.Empty, TestContexts.Create());
        var second = await handler.InvokeAsync(ReadOnlyMemory<byte>.Empty, TestContexts.Create());

        Assert.Equal("2", Encoding.UTF8.GetString(second!));
    }

    [Fact]
    public async Task An_exception_after_an_await_reaches_the_runtime_as_itself()
    {
        var handler = Bind(Samples + "FailsAfterAwait");

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => handler.InvokeAsync(ReadOnlyMemory<byte>.Empty, TestContexts.Create()).AsTask());

        Assert.Equal("too slow", exception.Message);
    }

    [Fact]
    public async Task An_event_the_handler_type_cannot_hold_is_an_unmarshal_error()
    {
        var handler = Bind(Samples + "TypedEvent");

        var exception = await Assert.ThrowsAsync<LambdaRuntimeException>(() => handler.InvokeAsync("[1,2]"u8.ToArray(), TestContexts.Create()).AsTask());

        Assert.Equal(RuntimeErrors.UnmarshalError, exception.ErrorType);
        Assert.Contains("Patterns.Tests.Functions.Handlers.Order", exception.Message);
    }

    [Fact]
    public async Task A_result_that_cannot_be_serialized_is_a_marshal_error()
    {
        var handler = Bind(Samples + "Unserializable");

        var exception = await Assert.ThrowsAsync<LambdaRuntimeException>(() => handler.InvokeAsync(ReadOnlyMemory<byte>.Empty, TestContexts.Create()).AsTask());

        Assert.Equal(RuntimeErrors.MarshalError, exception.ErrorType);
    }

    [Theory]
    [InlineData(Samples + "Overloaded", RuntimeErrors.InvalidEntrypoint, "2 public methods")]
    [InlineData(Samples + "Generic", RuntimeErrors.InvalidEntrypoint, "generic")]
    [InlineData(Samples + "AsyncVoid", RuntimeErrors.InvalidEntrypoint, "async void")]
    [InlineData(Samples + "TwoEvents", RuntimeErrors.InvalidEntrypoint, "parameter list")]
    [InlineData(Samples + "ContextFirst", RuntimeErrors.InvalidEntrypoint, "parameter list")]
    [InlineData(Samples + "Missing", RuntimeErrors.HandlerNotFound, "no public method named 'Missing'")]
    [InlineData("Patterns.Tests::Patterns.Tests.Functions.Handlers.Nothing::Handle", RuntimeErrors.HandlerNotFound, "was not found")]
    [InlineData("Patterns.Tests::Patterns.Tests.Functions.Handlers.NoDefaultConstructorHandler::Handle", RuntimeErrors.InvalidEntrypoint, "parameterless constructor")]
    [InlineData("Patterns.Tests::Patterns.Tests.Functions.Handlers.FailingConstructorHandler::Handle", "System.InvalidOperationException", "TABLE_NAME is not set")]
    public void Refuses_what_it_cannot_bind_with_lambdas_error_type(string handler, string errorType, string messagePart)
    {
        var exception = Assert.Throws<LambdaRuntimeException>(() => Bind(handler));

        Assert.Equal(errorType, exception.ErrorType);
        Assert.Contains(messagePart, exception.Message);
    }

    [Fact]
    public void A_failing_constructor_reports_its_own_stack_as_the_cause()
    {
        var exception = Assert.Throws<LambdaRuntimeException>(() => Bind("Patterns.Tests::Patterns.Tests.Functions.Handlers.FailingConstructorHandler::Handle"));

        var error = ErrorResponse.FromException(exception);

        Assert.Equal("System.InvalidOperationException", error.ErrorType);
        Assert.Equal("System.InvalidOperationException", error.Cause?.ErrorType);
        Assert.Contains(error.Cause!.StackTrace, line => line.Contains("FailingConstructorHandler..ctor", StringComparison.Ordinal));
    }

    private static HandlerInvoker Bind(string handler) => HandlerBinder.Bind(HandlerName.Parse(handler), LambdaJson.CreateOptions());

    private static async Task<byte[]?> InvokeAsync(string handler, string payload) =>
        await Bind(handler).InvokeAsync(Encoding.UTF8.GetBytes(payload), TestContexts.Create());
}
