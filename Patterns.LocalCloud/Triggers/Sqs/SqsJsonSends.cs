using System.Text.Json;
using System.Text.Json.Nodes;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>SendMessage and SendMessageBatch in SQS's JSON protocol (AmazonSQS.*), with the producer's trace header added.</summary>
internal static class SqsJsonSends
{
    /// <summary>The SendMessage body with MessageSystemAttributes.AWSTraceHeader set, unless the caller set one; null = send as it is.</summary>
    public static byte[]? WithTraceHeader(byte[] body, string traceHeader)
    {
        if (Parse(body) is not { } request || HasTraceHeader(request))
            return null;
        AddTraceHeader(request, traceHeader);
        return JsonSerializer.SerializeToUtf8Bytes(request);
    }

    /// <summary>
    /// The entries of a SendMessageBatch the edge must send one by one, because moto keeps no
    /// MessageSystemAttributes of a batch entry; null when the batch can go to moto as it is.
    /// </summary>
    public static (string QueueUrl, List<JsonObject> Entries)? EntriesToSplit(byte[] body, string? traceHeader)
    {
        if (Parse(body) is not { } request || request["QueueUrl"]?.GetValue<string>() is not { } queueUrl || request["Entries"] is not JsonArray array)
            return null;
        var entries = array.OfType<JsonObject>().ToList();
        if (entries.Count != array.Count || !SqsSendBatchRules.IsWellFormed([.. entries.Select(e => (Text(e["Id"]), Text(e["MessageBody"])))]))
            return null;
        var carriesSystemAttributes = entries.Any(e => e["MessageSystemAttributes"] is JsonObject { Count: > 0 });
        return traceHeader is null && !carriesSystemAttributes ? null : (queueUrl, entries);
    }

    public static async Task<SqsSendBatchEntry> SendAsync(MotoClient moto, string queueUrl, JsonObject entry, string? traceHeader, CancellationToken cancellationToken)
    {
        var id = Text(entry["Id"])!;
        var message = (JsonObject)entry.DeepClone();
        message.Remove("Id");
        message["QueueUrl"] = queueUrl;
        if (traceHeader is not null && !HasTraceHeader(message))
            AddTraceHeader(message, traceHeader);
        try
        {
            var answer = await moto.CallJsonAsync("sqs", "AmazonSQS.SendMessage", message, cancellationToken).ConfigureAwait(false);
            return new SqsSendBatchEntry(id, Text(answer?["MessageId"]), Text(answer?["MD5OfMessageBody"]), Text(answer?["MD5OfMessageAttributes"]), Text(answer?["SequenceNumber"]), null);
        }
        catch (MotoCallException exception)
        {
            var (code, text) = ErrorOf(exception.Body);
            return new SqsSendBatchEntry(id, null, null, null, null, (code, text, exception.StatusCode < 500));
        }
    }

    public static JsonObject BatchResponse(IEnumerable<SqsSendBatchEntry> results)
    {
        var successful = new JsonArray();
        var failed = new JsonArray();
        foreach (var result in results)
        {
            if (result.Failure is { } failure)
            {
                failed.Add(new JsonObject { ["Id"] = result.Id, ["SenderFault"] = failure.SenderFault, ["Code"] = failure.Code, ["Message"] = failure.Message });
                continue;
            }
            var entry = new JsonObject { ["Id"] = result.Id, ["MessageId"] = result.MessageId, ["MD5OfMessageBody"] = result.Md5OfMessageBody };
            if (result.Md5OfMessageAttributes is { } md5)
                entry["MD5OfMessageAttributes"] = md5;
            if (result.SequenceNumber is { } sequence)
                entry["SequenceNumber"] = sequence;
            successful.Add(entry);
        }
        return new JsonObject { ["Successful"] = successful, ["Failed"] = failed };
    }

    /// <summary>moto's JSON error: __type "com.amazonaws.sqs#Code" and the message.</summary>
    private static (string Code, string Message) ErrorOf(string body)
    {
        try
        {
            var error = JsonNode.Parse(body);
            var type = Text(error?["__type"]) ?? "InternalFailure";
            return (type[(type.LastIndexOf('#') + 1)..], Text(error?["message"]) ?? Text(error?["Message"]) ?? body);
        }
        catch (JsonException)
        {
            return ("InternalFailure", body);
        }
    }

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null; // moto answers malformed JSON with its own error
        }
    }

    private static bool HasTraceHeader(JsonObject message) =>
        message["MessageSystemAttributes"] is JsonObject attributes && attributes.ContainsKey(SqsMessage.TraceHeaderAttribute);

    private static void AddTraceHeader(JsonObject message, string traceHeader)
    {
        if (message["MessageSystemAttributes"] is not JsonObject attributes)
            message["MessageSystemAttributes"] = attributes = new JsonObject();
        attributes[SqsMessage.TraceHeaderAttribute] = new JsonObject { ["DataType"] = "String", ["StringValue"] = traceHeader };
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
