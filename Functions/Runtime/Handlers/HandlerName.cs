using Functions.Runtime.ExceptionHandling;

namespace Functions.Runtime.Handlers;

/// <summary>A handler string in AWS's .NET form, <c>Assembly::Namespace.Type::Method</c>.</summary>
internal sealed record HandlerName(string Assembly, string Type, string Method)
{
    private const string Separator = "::";

    public static HandlerName Parse(string handler)
    {
        var parts = handler.Split(Separator);
        if (parts.Length != 3 || parts.Any(part => part.Length == 0 || part != part.Trim()))
        {
            throw new LambdaRuntimeException(RuntimeErrors.MalformedHandlerName, RuntimeErrors.HandlerMalformed(handler));
        }

        return new HandlerName(parts[0], parts[1], parts[2]);
    }

    public override string ToString() => string.Join(Separator, Assembly, Type, Method);
}
