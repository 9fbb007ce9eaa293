namespace Functions.Runtime.ExceptionHandling;

/// <summary>Every message the runtime writes or reports, and Lambda's error types, in one place.</summary>
internal static class RuntimeErrors
{
    public const string MalformedHandlerName = "Runtime.MalformedHandlerName";
    public const string HandlerNotFound = "Runtime.HandlerNotFound";
    public const string InvalidEntrypoint = "Runtime.InvalidEntrypoint";
    public const string UnmarshalError = "Runtime.UnmarshalError";
    public const string MarshalError = "Runtime.MarshalError";
    public const string SerializationError = "Runtime.SerializationError";

    private const string HandlerForm =
        "expected Assembly::Namespace.Type::Method, e.g. Functions::Functions.Pattern01.HelloServerless::HandleAsync";

    public static string RuntimeApiNotSet(string variable) =>
        $"not running inside a Lambda runtime environment: {variable} is not set. This executable is a Lambda " +
        "custom runtime (the bootstrap of a provided.al2023 function); run it through the local Lambda service " +
        "or deploy it to AWS Lambda, which set it to the Runtime API's host:port.";

    public static string RuntimeApiInvalid(string variable, string value) =>
        $"{variable} is '{value}', which is not a host:port address of a Lambda Runtime API (e.g. 127.0.0.1:9001).";

    public static string HandlerNotSet(string variable) => $"{variable} is not set: {HandlerForm}.";

    public static string HandlerMalformed(string handler) => $"The handler '{handler}' is malformed: {HandlerForm}.";

    public static string AssemblyNotFound(string assembly, string handler) =>
        $"The assembly '{assembly}' named by the handler '{handler}' could not be loaded; handlers of this " +
        "project live in the 'Functions' assembly.";

    public static string TypeNotFound(string type, string assembly) =>
        $"The type '{type}' was not found in the assembly '{assembly}'; give its full name, namespace included " +
        "(nested types as Outer+Inner).";

    public static string TypeNotUsable(string type) =>
        $"The type '{type}' cannot hold a handler: it must be a non-generic class or struct.";

    public static string MethodNotFound(string method, string type) =>
        $"The type '{type}' has no public method named '{method}'.";

    public static string MethodOverloaded(string method, string type, int count) =>
        $"The type '{type}' has {count} public methods named '{method}'; the runtime cannot tell which one is the " +
        "handler. Give the handler a name of its own.";

    public static string MethodGeneric(string method) =>
        $"The handler method '{method}' is generic; a handler must be a non-generic method.";

    public static string MethodAsyncVoid(string method) =>
        $"The handler method '{method}' is async void, so the runtime cannot know when it finishes; return Task " +
        "or Task<T> instead.";

    public static string ParametersUnsupported(string method) =>
        $"The handler method '{method}' has an unsupported parameter list; use (), (event), (context) or " +
        "(event, context), where context is ILambdaContext and no parameter is ref, out or in.";

    public static string NoParameterlessConstructor(string type) =>
        $"The handler method is an instance method, but the type '{type}' has no public parameterless constructor " +
        "to create it with; add one or make the method static.";

    public static string ConstructorFailed(string type, Exception exception) =>
        $"Creating the handler type '{type}' failed: {exception.Message}";

    public static string EventUnreadable(Type eventType, string problem) =>
        $"The event payload could not be read as {eventType.FullName}: {problem}";

    public static string ContractMissing(Type type, string role) =>
        $"The handler's {role} type {type.FullName} has no JSON contract: the Functions executable is compiled to native code, " +
        $"where contracts are generated at build time; add [JsonSerializable(typeof({type.Name}))] to FunctionsJsonContext.";

    public static string ResultTypeUnsupported(Type resultType, string method) =>
        $"{method} returns {resultType.Name}, which the native Functions executable cannot await: return a Task of a class or record type.";

    public static string ResultUnwritable(Type resultType, string problem) =>
        $"The handler's result of type {resultType.FullName} could not be serialized to JSON: {problem}";

    public static string NullTaskReturned(string method) =>
        $"The handler method '{method}' returned a null task instead of a task to await.";

    public static string InitFailed(ErrorResponse error) =>
        $"Initialization failed: {error.ErrorType}: {error.ErrorMessage}";

    public static string RuntimeApiUnreachable(string address, string problem) =>
        $"The Lambda Runtime API at {address} is unreachable ({problem}); the host has gone away, so this " +
        "function process exits.";

    public static string RuntimeApiRefused(string operation, int status, string body) =>
        $"The Lambda Runtime API answered {status} to {operation}: {body}";

    public static string NextInvocationMissingHeader(string header) =>
        $"The Lambda Runtime API sent an invocation without a valid {header} header; it does not follow the " +
        "Runtime API protocol.";
}
