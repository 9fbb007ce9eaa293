using System.Text;

using Patterns.ServiceDefaults.Http;

namespace Patterns.ServiceDefaults.Otlp;

/// <summary>What a receiver's answer to a trace export says went wrong, in words for stderr.</summary>
internal static class OtlpExportAnswer
{
    private const int MaxQuotedBody = 500;

    /// <returns>Null when the receiver took every span; else what it said.</returns>
    public static string? Problem(HttpAnswer response, int spans)
    {
        if (response.IsSuccess)
        {
            return PartialSuccess(response, spans);
        }

        var reason = string.IsNullOrEmpty(response.Reason) ? string.Empty : " " + response.Reason;
        var detail = Detail(response);
        return $"the receiver answered {response.Status}{reason}{(detail.Length > 0 ? $" ({detail})" : string.Empty)}; spans lost: {spans}";
    }

    public static string Spans(long count) => count == 1 ? "1 span" : $"{count} spans";

    /// <summary>ExportTraceServiceResponse.partial_success: rejected_spans (1) and error_message (2).</summary>
    private static string? PartialSuccess(HttpAnswer response, int spans)
    {
        if (response.Body.Length == 0 || !IsProtobuf(response))
        {
            return null;
        }

        try
        {
            var answer = new ProtobufReader(response.Body);
            while (answer.TryReadTag(out var field, out var wireType))
            {
                if (field != 1 || wireType != ProtobufReader.WireLengthDelimited)
                {
                    answer.Skip(wireType);
                    continue;
                }

                long rejected = 0;
                var message = string.Empty;
                var partial = new ProtobufReader(answer.ReadLengthDelimited());
                while (partial.TryReadTag(out var partialField, out var partialWire))
                {
                    if (partialField == 1 && partialWire == ProtobufReader.WireVarint)
                    {
                        rejected = (long)partial.ReadVarint();
                    }
                    else if (partialField == 2 && partialWire == ProtobufReader.WireLengthDelimited)
                    {
                        message = Encoding.UTF8.GetString(partial.ReadLengthDelimited());
                    }
                    else
                    {
                        partial.Skip(partialWire);
                    }
                }

                // A partial success with nothing rejected and no message is a full success.
                if (rejected > 0)
                {
                    return $"the receiver refused part of an export of {Spans(spans)}{(message.Length > 0 ? $" ({message})" : string.Empty)}; spans lost: {rejected}";
                }

                if (message.Length > 0)
                {
                    return $"the receiver took an export of {Spans(spans)} with a warning: {message}";
                }
            }
        }
        catch (InvalidDataException exception)
        {
            return $"the receiver answered {response.Status} with a body that is not an ExportTraceServiceResponse ({exception.Message})";
        }

        return null;
    }

    /// <summary>OTLP/HTTP puts a google.rpc.Status in a failure's body; its message (field 2) is the why.</summary>
    private static string Detail(HttpAnswer response)
    {
        if (response.Body.Length == 0)
        {
            return string.Empty;
        }

        if (IsProtobuf(response))
        {
            try
            {
                var status = new ProtobufReader(response.Body);
                while (status.TryReadTag(out var field, out var wireType))
                {
                    if (field == 2 && wireType == ProtobufReader.WireLengthDelimited)
                    {
                        return Encoding.UTF8.GetString(status.ReadLengthDelimited());
                    }

                    status.Skip(wireType);
                }

                return string.Empty;
            }
            catch (InvalidDataException)
            {
                // Not the Status it says it is: quote it as text below.
            }
        }

        var text = Encoding.UTF8.GetString(response.Body, 0, Math.Min(response.Body.Length, MaxQuotedBody)).Trim();
        return response.Body.Length > MaxQuotedBody ? text + "…" : text;
    }

    private static bool IsProtobuf(HttpAnswer response) =>
        response.Header("Content-Type")?.StartsWith("application/x-protobuf", StringComparison.OrdinalIgnoreCase) == true;
}
