using System.Text.Json;
using System.Text.RegularExpressions;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>
/// Reads a failed call to the target's service (through the edge) as EventBridge classifies it:
/// a missing resource or a refusal is final; throttling and server errors are worth a retry.
/// </summary>
internal static partial class LoopbackFailures
{
    public static DeliveryFailure From(MotoCallException exception, string targetArn)
    {
        var code = ErrorCode(exception.Body);
        var message = $"{targetArn}: {exception.Message}";
        if (exception.StatusCode == 404 || code.Contains("NotFound", StringComparison.OrdinalIgnoreCase)
            || code.Contains("NonExistent", StringComparison.OrdinalIgnoreCase) || code.Contains("DoesNotExist", StringComparison.OrdinalIgnoreCase))
            return new DeliveryFailure(DeliveryFailure.NoResource, message, retryable: false);
        if (exception.StatusCode == 403 || code.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase) || code.Contains("Authorization", StringComparison.OrdinalIgnoreCase))
            return new DeliveryFailure(DeliveryFailure.NoPermissions, message, retryable: false);
        if (exception.StatusCode == 429 || code.Contains("Throttl", StringComparison.OrdinalIgnoreCase))
            return new DeliveryFailure(DeliveryFailure.Throttling, message, retryable: true);
        if (exception.StatusCode >= 500)
            return new DeliveryFailure(DeliveryFailure.InternalError, message, retryable: true);
        return new DeliveryFailure(DeliveryFailure.InvalidParameter, message, retryable: false);
    }

    public static DeliveryFailure From(HttpRequestException exception, string targetArn) =>
        new(DeliveryFailure.ConnectionFailure, $"{targetArn}: the call to the target's service failed: {exception.Message}", retryable: true);

    /// <summary>The error code of a JSON (__type) or query/XML (&lt;Code&gt;) error body; empty when there is none.</summary>
    private static string ErrorCode(string body)
    {
        if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.TryGetProperty("__type", out var type) && type.ValueKind == JsonValueKind.String)
                    return type.GetString()!.Split('#')[^1];
            }
            catch (JsonException)
            {
                return "";
            }
            return "";
        }
        return XmlCode().Match(body) is { Success: true } match ? match.Groups[1].Value : "";
    }

    [GeneratedRegex("<Code>([^<]*)</Code>")]
    private static partial Regex XmlCode();
}
