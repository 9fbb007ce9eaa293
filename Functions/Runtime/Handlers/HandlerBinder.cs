using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Functions.Runtime.ExceptionHandling;

namespace Functions.Runtime.Handlers;

/// <summary>
/// Finds the method a handler string names and binds it. Supported: static or instance methods
/// (an instance is created once per process, so what its constructor builds, such as SDK clients,
/// stays warm); parameters (), (event), (context), (event, context); any JSON-deserializable event
/// type, <see cref="Stream"/> for the raw payload; results void, T, Task, Task&lt;T&gt;, ValueTask,
/// ValueTask&lt;T&gt;, with a <see cref="Stream"/> result posted as it is.
/// Every failure is a <see cref="LambdaRuntimeException"/> with Lambda's init error type.
/// </summary>
internal static class HandlerBinder
{
    public static HandlerInvoker Bind(HandlerName handler, JsonSerializerOptions options)
    {
        var type = FindType(handler);
        var method = FindMethod(type, handler.Method);
        var parameters = method.GetParameters();
        var eventParameter = EventParameter(method, parameters);
        var instance = method.IsStatic ? null : CreateInstance(type);

        var readEvent = eventParameter is null
            ? _ => null
            : EventReader.For(eventParameter.ParameterType, options);
        return new HandlerInvoker(readEvent, CompileCall(method, parameters, instance), ResultWriter.For(method.ReturnType, Describe(method), options));
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Handlers live in the Functions assembly, which the native build keeps whole (TrimmerRootAssembly).")]
    private static Type FindType(HandlerName handler)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(handler.Assembly));
        }
        catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            throw new LambdaRuntimeException(RuntimeErrors.HandlerNotFound, RuntimeErrors.AssemblyNotFound(handler.Assembly, handler.ToString()), exception);
        }

        var type = assembly.GetType(handler.Type, throwOnError: false)
            ?? throw new LambdaRuntimeException(RuntimeErrors.HandlerNotFound, RuntimeErrors.TypeNotFound(handler.Type, handler.Assembly));
        if (type.IsGenericTypeDefinition || type.IsInterface)
        {
            throw new LambdaRuntimeException(RuntimeErrors.InvalidEntrypoint, RuntimeErrors.TypeNotUsable(handler.Type));
        }

        return type;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Handlers live in the Functions assembly, which the native build keeps whole (TrimmerRootAssembly).")]
    private static MethodInfo FindMethod(Type type, string name)
    {
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            .Where(method => method.Name == name)
            .ToArray();
        var method = candidates.Length switch
        {
            0 => throw new LambdaRuntimeException(RuntimeErrors.HandlerNotFound, RuntimeErrors.MethodNotFound(name, type.FullName!)),
            1 => candidates[0],
            _ => throw new LambdaRuntimeException(RuntimeErrors.InvalidEntrypoint, RuntimeErrors.MethodOverloaded(name, type.FullName!, candidates.Length)),
        };

        if (method.IsGenericMethodDefinition)
        {
            throw new LambdaRuntimeException(RuntimeErrors.InvalidEntrypoint, RuntimeErrors.MethodGeneric(Describe(method)));
        }

        if (method.ReturnType == typeof(void) && method.IsDefined(typeof(AsyncStateMachineAttribute)))
        {
            throw new LambdaRuntimeException(RuntimeErrors.InvalidEntrypoint, RuntimeErrors.MethodAsyncVoid(Describe(method)));
        }

        return method;
    }

    /// <returns>The event parameter, or null when the method takes none.</returns>
    private static ParameterInfo? EventParameter(MethodInfo method, ParameterInfo[] parameters)
    {
        var usable = parameters.All(parameter => !parameter.ParameterType.IsByRef && !parameter.ParameterType.IsByRefLike && !parameter.ParameterType.IsPointer);
        var contextCount = parameters.Count(IsContext);
        var eventParameter = parameters.Length switch
        {
            0 => null,
            1 when contextCount == 1 => null,
            1 => parameters[0],
            2 when !IsContext(parameters[0]) && IsContext(parameters[1]) => parameters[0],
            _ => throw new LambdaRuntimeException(RuntimeErrors.InvalidEntrypoint, RuntimeErrors.ParametersUnsupported(Describe(method))),
        };

        return usable
            ? eventParameter
            : throw new LambdaRuntimeException(RuntimeErrors.InvalidEntrypoint, RuntimeErrors.ParametersUnsupported(Describe(method)));
    }

    private static bool IsContext(ParameterInfo parameter) => parameter.ParameterType == typeof(ILambdaContext);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Handlers live in the Functions assembly, which the native build keeps whole (TrimmerRootAssembly).")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Handlers live in the Functions assembly, which the native build keeps whole (TrimmerRootAssembly).")]
    private static object CreateInstance(Type type)
    {
        if (type.IsAbstract || (!type.IsValueType && type.GetConstructor(Type.EmptyTypes) is null))
        {
            throw new LambdaRuntimeException(RuntimeErrors.InvalidEntrypoint, RuntimeErrors.NoParameterlessConstructor(type.FullName!));
        }

        try
        {
            return Activator.CreateInstance(type)!;
        }
        catch (Exception exception) when (exception is TargetInvocationException or TypeInitializationException && exception.InnerException is not null)
        {
            var failure = exception.InnerException!;
            throw new LambdaRuntimeException(failure.GetType().FullName!, RuntimeErrors.ConstructorFailed(type.FullName!, failure), failure);
        }
    }

    /// <summary>Compiles <c>(event, context) => method(...)</c> with the method's own parameter order and types.</summary>
    private static Func<object?, ILambdaContext, object?> CompileCall(MethodInfo method, ParameterInfo[] parameters, object? instance)
    {
        // A native build generates no code at run time: an expression tree would be interpreted on
        // every invoke, where a method invoker calls through a stub the compiler made ahead.
        if (!RuntimeFeature.IsDynamicCodeCompiled)
        {
            return InvokerCall(method, parameters, instance);
        }

        var eventArgument = Expression.Parameter(typeof(object), "event");
        var contextArgument = Expression.Parameter(typeof(ILambdaContext), "context");
        var arguments = parameters.Select(parameter => IsContext(parameter)
            ? (Expression)contextArgument
            : Expression.Convert(eventArgument, parameter.ParameterType));
        var target = instance is null ? null : Expression.Constant(instance, method.DeclaringType!);
        var call = Expression.Call(target, method, arguments);
        Expression body = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Constant(null, typeof(object)))
            : Expression.Convert(call, typeof(object));
        return Expression.Lambda<Func<object?, ILambdaContext, object?>>(body, eventArgument, contextArgument).Compile();
    }

    // The shapes EventParameter accepts: (), (context), (event), (event, context).
    private static Func<object?, ILambdaContext, object?> InvokerCall(MethodInfo method, ParameterInfo[] parameters, object? instance)
    {
        var invoker = MethodInvoker.Create(method);
        return parameters.Length switch
        {
            0 => (_, _) => invoker.Invoke(instance),
            1 when IsContext(parameters[0]) => (_, context) => invoker.Invoke(instance, context),
            1 => (@event, _) => invoker.Invoke(instance, @event),
            _ => (@event, context) => invoker.Invoke(instance, @event, context),
        };
    }

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.FullName}.{method.Name}";
}
