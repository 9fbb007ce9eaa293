using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Functions.Runtime.ExceptionHandling;

namespace Functions.Runtime.Handlers;

/// <summary>
/// Turns what a handler method returned into the response body: awaits tasks, copies streams,
/// serializes anything else as JSON with the declared type's contract. The shape is chosen once
/// from the method's return type; null means "no body" (void, Task).
/// </summary>
internal static class ResultWriter
{
    public static Func<object?, ValueTask<byte[]?>> For(Type returnType, string method, JsonSerializerOptions options)
    {
        if (returnType == typeof(void))
        {
            return _ => ValueTask.FromResult<byte[]?>(null);
        }

        if (returnType == typeof(Task))
        {
            return async returned =>
            {
                await (returned as Task ?? throw NullTask(method));
                return null;
            };
        }

        if (returnType == typeof(ValueTask))
        {
            return async returned =>
            {
                await (ValueTask)returned!;
                return null;
            };
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
        {
            var valueType = returnType.GetGenericArguments()[0];
            var awaiter = definition == typeof(Task<>) ? nameof(AwaitTask) : nameof(AwaitValueTask);
            var writeValue = ForValue(valueType, options);
            return Awaiting(awaiter, returnType, valueType, writeValue, method);
        }

        return ForValue(returnType, options);
    }

    // A class or record result shares the one native instantiation of the awaiter over reference
    // types; a struct result would need code the native compiler could not know to generate.
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reference-type results share the canonical instantiation; value types are refused at bind time below.")]
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "The awaiters' type parameters carry no member requirements, and this assembly is rooted whole, so both are kept.")]
    private static Func<object?, ValueTask<byte[]?>> Awaiting(string awaiter, Type returnType, Type valueType, Func<object?, ValueTask<byte[]?>> writeValue, string method)
    {
        if (valueType.IsValueType && !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            throw new LambdaRuntimeException(RuntimeErrors.InvalidEntrypoint, RuntimeErrors.ResultTypeUnsupported(returnType, method));
        }

        return (Func<object?, ValueTask<byte[]?>>)typeof(ResultWriter)
            .GetMethod(awaiter, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(valueType)
            .Invoke(null, [writeValue, method])!;
    }

    private static Func<object?, ValueTask<byte[]?>> AwaitTask<T>(Func<object?, ValueTask<byte[]?>> writeValue, string method) =>
        async returned => await writeValue(await (returned as Task<T> ?? throw NullTask(method)));

    private static Func<object?, ValueTask<byte[]?>> AwaitValueTask<T>(Func<object?, ValueTask<byte[]?>> writeValue, string method) =>
        async returned => await writeValue(await (ValueTask<T>)returned!);

    private static Func<object?, ValueTask<byte[]?>> ForValue(Type valueType, JsonSerializerOptions options)
    {
        if (typeof(Stream).IsAssignableFrom(valueType))
        {
            return async value =>
            {
                if (value is not Stream stream)
                {
                    return null;
                }

                await using (stream)
                {
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy);
                    return copy.ToArray();
                }
            };
        }

        var typeInfo = Contract.Of(valueType, "result", options);
        return value => ValueTask.FromResult<byte[]?>(Serialize(value, typeInfo));
    }

    private static byte[] Serialize(object? value, JsonTypeInfo typeInfo)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new LambdaRuntimeException(RuntimeErrors.MarshalError, RuntimeErrors.ResultUnwritable(typeInfo.Type, exception.Message), exception);
        }
    }

    private static InvalidOperationException NullTask(string method) => new(RuntimeErrors.NullTaskReturned(method));
}
