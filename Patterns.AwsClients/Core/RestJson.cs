using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Patterns.AwsClients.Core;

/// <summary>The JSON halves of the rest-json protocol: request bodies out, response bodies in.</summary>
internal static class RestJson
{
    public const string ContentType = "application/json";

    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    public static T Deserialize<T>(AwsResponse response, JsonTypeInfo<T> typeInfo, AwsClientSettings settings, string operation)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, typeInfo)
                ?? throw new JsonException("the body is the JSON literal null");
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException(
                $"{settings.Service.SigningName} {operation} answered {response.StatusCode} with a body that is not the expected {typeof(T).Name}: {exception.Message}. Is {settings.Endpoint} an AWS endpoint?",
                exception);
        }
    }

    /// <summary>"?a=1&amp;b=2" from the parameters that have a value; "" when none has.</summary>
    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }

    /// <summary>One path segment, escaped (an ARN's ':' becomes %3A, as the SDKs send it).</summary>
    public static string Segment(string value, string parameterName)
    {
        if (string.IsNullOrEmpty(value))
            throw new ArgumentException($"{parameterName} must not be empty.", parameterName);
        return Uri.EscapeDataString(value);
    }
}
