using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>
/// Puts the event on another bus with PutEvents through the edge. The event goes as it is (same
/// id, time, source, detail type, resources and detail: bus targets take no input settings); a
/// header tells the receiving PutEvents to keep the id and that the event came from a bus, since
/// EventBridge does not route such an event on to a third bus.
/// </summary>
internal sealed class EventBusTargetSender(MotoClient edgeLoopback) : ITargetSender
{
    /// <summary>Set only by this sender on its own PutEvents: the id the forwarded event keeps.</summary>
    public const string ForwardedEventIdHeader = "X-LocalCloud-Forwarded-Event-Id";

    public async Task SendAsync(TargetDelivery delivery, string input, CancellationToken cancellationToken)
    {
        var busEvent = delivery.Event;
        if (busEvent.ForwardedFromBus)
            throw new DeliveryFailure(DeliveryFailure.InvalidParameter, EventBridgeErrors.ThirdBusHop(busEvent.Id, busEvent.Bus.Name, delivery.Target.Arn), retryable: false);

        var entry = new Dictionary<string, object>
        {
            ["Source"] = busEvent.Source,
            ["DetailType"] = busEvent.DetailType,
            ["Detail"] = busEvent.Detail.GetRawText(),
            ["Resources"] = busEvent.Resources,
            ["Time"] = busEvent.Time.ToUnixTimeSeconds(),
            ["EventBusName"] = delivery.Target.Arn,
        };
        if (delivery.TraceHeader is not null)
            entry["TraceHeader"] = delivery.TraceHeader;

        using var request = edgeLoopback.CreateRequest(HttpMethod.Post, "/", "events");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSEvents.PutEvents");
        request.Headers.TryAddWithoutValidation(ForwardedEventIdHeader, busEvent.Id);
        if (delivery.TraceHeader is not null)
            request.Headers.TryAddWithoutValidation("X-Amzn-Trace-Id", delivery.TraceHeader);
        request.Content = new StringContent(JsonSerializer.Serialize(new { Entries = new[] { entry } }), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");

        string text;
        HttpResponseMessage response;
        try
        {
            response = await edgeLoopback.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw LoopbackFailures.From(exception, delivery.Target.Arn);
        }
        using (response)
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw LoopbackFailures.From(new MotoCallException("PutEvents", (int)response.StatusCode, text), delivery.Target.Arn);
        }
        using var answer = JsonDocument.Parse(text);
        var result = answer.RootElement.GetProperty("Entries")[0];
        if (result.TryGetProperty("ErrorCode", out var code))
        {
            throw new DeliveryFailure(DeliveryFailure.InvalidParameter,
                $"{delivery.Target.Arn}: PutEvents refused the event: {code.GetString()}: {result.GetProperty("ErrorMessage").GetString()}", retryable: code.GetString() == "InternalFailure");
        }
    }
}
