using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Functions.Runtime.ExceptionHandling;

namespace Functions.Runtime.Handlers;

/// <summary>Looks up a handler's event or result contract at bind time, so a missing one fails the init by name.</summary>
internal static class Contract
{
    public static JsonTypeInfo Of(Type type, string role, JsonSerializerOptions options)
    {
        try
        {
            return options.GetTypeInfo(type);
        }
        catch (NotSupportedException exception)
        {
            throw new LambdaRuntimeException(RuntimeErrors.SerializationError, RuntimeErrors.ContractMissing(type, role), exception);
        }
    }
}
