using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Patterns.Hosting.Dashboard.Otlp.Proto;
using Patterns.Hosting.Dashboard.Telemetry;

namespace Patterns.Hosting.Dashboard.Otlp;

/// <summary>
/// OTLP/HTTP: POST /v1/traces, /v1/logs and /v1/metrics with a protobuf
/// (application/x-protobuf) or JSON (application/json) export request, optionally gzipped.
/// Answers 200 with the export response in the request's format (with a partial success when
/// some items were refused), 400 for a body that does not parse, 413 for one over the limit,
/// 415 for another content type or encoding; a failure's body is a google.rpc.Status.
/// </summary>
internal sealed class OtlpReceiver(TelemetryStore store, long maxBodyBytes)
{
    public const string ProtobufContentType = "application/x-protobuf";
    public const string JsonContentType = "application/json";

    public Task ReceiveTracesAsync(HttpContext context) =>
        ReceiveAsync(context, ExportTraceServiceRequest.Parser, request =>
        {
            var result = OtlpConverter.Spans(request);
            store.AddSpans(result.Items);
            return new ExportTraceServiceResponse
            {
                PartialSuccess = result.Rejected == 0 ? null : new ExportTracePartialSuccess { RejectedSpans = result.Rejected, ErrorMessage = result.Error },
            };
        });

    public Task ReceiveLogsAsync(HttpContext context) =>
        ReceiveAsync(context, ExportLogsServiceRequest.Parser, request =>
        {
            var result = OtlpConverter.Logs(request);
            store.AddLogs(result.Items);
            return new ExportLogsServiceResponse
            {
                PartialSuccess = result.Rejected == 0 ? null : new ExportLogsPartialSuccess { RejectedLogRecords = result.Rejected, ErrorMessage = result.Error },
            };
        });

    public Task ReceiveMetricsAsync(HttpContext context) =>
        ReceiveAsync(context, ExportMetricsServiceRequest.Parser, request =>
        {
            store.AddMetrics(OtlpConverter.Metrics(request).Items);
            return new ExportMetricsServiceResponse();
        });

    private async Task ReceiveAsync<TRequest>(HttpContext context, MessageParser<TRequest> parser, Func<TRequest, IMessage> accept)
        where TRequest : IMessage<TRequest>, new()
    {
        var json = IsJson(context.Request);
        try
        {
            if (!json && !IsProtobuf(context.Request))
                throw new OtlpRequestException(415, $"Content-Type '{context.Request.ContentType}' is not supported; OTLP/HTTP sends {ProtobufContentType} or {JsonContentType}.");
            var body = await OtlpBody.ReadAsync(context.Request, maxBodyBytes, context.RequestAborted).ConfigureAwait(false);
            var request = json ? OtlpJson.Parse<TRequest>(body) : ParseProtobuf(parser, body);
            await WriteAsync(context, 200, accept(request), json).ConfigureAwait(false);
        }
        catch (OtlpRequestException exception)
        {
            await WriteAsync(context, exception.StatusCode, new Proto.Rpc.Status { Code = GrpcCode(exception.StatusCode), Message = exception.Message }, json).ConfigureAwait(false);
        }
    }

    private static TRequest ParseProtobuf<TRequest>(MessageParser<TRequest> parser, byte[] body) where TRequest : IMessage<TRequest>
    {
        try
        {
            return parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new OtlpRequestException(400, $"The body is not a valid protobuf {typeof(TRequest).Name}: {exception.Message}", exception);
        }
    }

    private static bool IsProtobuf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals(JsonContentType, StringComparison.OrdinalIgnoreCase);

    private static async Task WriteAsync(HttpContext context, int status, IMessage message, bool json)
    {
        context.Response.StatusCode = status;
        if (json)
        {
            context.Response.ContentType = JsonContentType;
            await context.Response.WriteAsync(JsonFormatter.Default.Format(message), context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            context.Response.ContentType = ProtobufContentType;
            await context.Response.Body.WriteAsync(message.ToByteArray(), context.RequestAborted).ConfigureAwait(false);
        }
    }

    // The google.rpc.Code that matches the HTTP status.
    private static int GrpcCode(int httpStatus) => httpStatus switch
    {
        400 => 3, // INVALID_ARGUMENT
        413 => 8, // RESOURCE_EXHAUSTED
        415 => 12, // UNIMPLEMENTED
        _ => 2, // UNKNOWN
    };
}
