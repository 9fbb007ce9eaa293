namespace Functions.Runtime.Handlers;

/// <summary>
/// A bound handler: delegates built once at start-up, so an invocation does no reflection.
/// </summary>
internal sealed class HandlerInvoker(
    Func<ReadOnlyMemory<byte>, object?> readEvent,
    Func<object?, ILambdaContext, object?> call,
    Func<object?, ValueTask<byte[]?>> writeResult)
{
    /// <returns>The response body, or null when the handler has no result.</returns>
    public async ValueTask<byte[]?> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context) =>
        await writeResult(call(readEvent(payload), context));
}
