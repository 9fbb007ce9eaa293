using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Primitives;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>
/// SendMessage and SendMessageBatch in SQS's query protocol (form body, XML answer; what older AWS
/// CLIs speak), with the producer's trace header added as MessageSystemAttribute.N.
/// </summary>
internal static class SqsQuerySends
{
    private const string SystemAttribute = "MessageSystemAttribute.";
    private const string BatchEntry = "SendMessageBatchRequestEntry.";
    private static readonly XNamespace Sqs = "http://queue.amazonaws.com/doc/2012-11-05/";

    /// <summary>The SendMessage form with the AWSTraceHeader system attribute appended, unless the caller set one; null = send as it is.</summary>
    public static string? WithTraceHeader(string form, Dictionary<string, StringValues> fields, string traceHeader)
    {
        var parameters = fields.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        if (HasTraceHeader(parameters))
            return null;
        var added = TraceHeaderFields(parameters, traceHeader).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}");
        return form.Length == 0 ? string.Join('&', added) : form + "&" + string.Join('&', added);
    }

    /// <summary>The entries (by their N, each its fields without the prefix) of a SendMessageBatch to send one by one; null = send it as it is.</summary>
    public static List<Dictionary<string, string>>? EntriesToSplit(Dictionary<string, StringValues> fields, string? traceHeader)
    {
        var entries = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in fields)
        {
            if (!key.StartsWith(BatchEntry, StringComparison.Ordinal))
                continue;
            var rest = key[BatchEntry.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || !int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                return null;
            if (!entries.TryGetValue(index, out var entry))
                entries[index] = entry = new Dictionary<string, string>(StringComparer.Ordinal);
            entry[rest[(dot + 1)..]] = value.ToString();
        }
        var list = entries.Values.ToList();
        if (!SqsSendBatchRules.IsWellFormed([.. list.Select(e => (e.GetValueOrDefault("Id"), e.GetValueOrDefault("MessageBody")))]))
            return null;
        var carriesSystemAttributes = list.Any(e => e.Keys.Any(k => k.StartsWith(SystemAttribute, StringComparison.Ordinal)));
        return traceHeader is null && !carriesSystemAttributes ? null : list;
    }

    public static async Task<SqsSendBatchEntry> SendAsync(MotoClient moto, string queueUrl, string version, Dictionary<string, string> entry, string? traceHeader, CancellationToken cancellationToken)
    {
        var id = entry["Id"];
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Action", "SendMessage"),
            new("Version", version),
            new("QueueUrl", queueUrl),
        };
        parameters.AddRange(entry.Where(f => f.Key != "Id"));
        if (traceHeader is not null && !HasTraceHeader(entry))
            parameters.AddRange(TraceHeaderFields(entry, traceHeader));
        try
        {
            var answer = await moto.CallQueryAsync("sqs", parameters, cancellationToken).ConfigureAwait(false);
            string? Value(string name) => answer.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            return new SqsSendBatchEntry(id, Value("MessageId"), Value("MD5OfMessageBody"), Value("MD5OfMessageAttributes"), Value("SequenceNumber"), null);
        }
        catch (MotoCallException exception)
        {
            var (code, message) = ErrorOf(exception.Body);
            return new SqsSendBatchEntry(id, null, null, null, null, (code, message, exception.StatusCode < 500));
        }
    }

    public static XDocument BatchResponse(IEnumerable<SqsSendBatchEntry> results, string requestId)
    {
        var result = new XElement(Sqs + "SendMessageBatchResult");
        foreach (var entry in results)
        {
            if (entry.Failure is { } failure)
            {
                result.Add(new XElement(Sqs + "BatchResultErrorEntry",
                    new XElement(Sqs + "Id", entry.Id),
                    new XElement(Sqs + "SenderFault", failure.SenderFault ? "true" : "false"),
                    new XElement(Sqs + "Code", failure.Code),
                    new XElement(Sqs + "Message", failure.Message)));
                continue;
            }
            var success = new XElement(Sqs + "SendMessageBatchResultEntry",
                new XElement(Sqs + "Id", entry.Id),
                new XElement(Sqs + "MessageId", entry.MessageId),
                new XElement(Sqs + "MD5OfMessageBody", entry.Md5OfMessageBody));
            if (entry.Md5OfMessageAttributes is { } md5)
                success.Add(new XElement(Sqs + "MD5OfMessageAttributes", md5));
            if (entry.SequenceNumber is { } sequence)
                success.Add(new XElement(Sqs + "SequenceNumber", sequence));
            result.Add(success);
        }
        return new XDocument(new XElement(Sqs + "SendMessageBatchResponse",
            result,
            new XElement(Sqs + "ResponseMetadata", new XElement(Sqs + "RequestId", requestId))));
    }

    private static (string Code, string Message) ErrorOf(string body)
    {
        try
        {
            var error = XDocument.Parse(body).Descendants().Where(e => e.Name.LocalName == "Error").FirstOrDefault();
            return (error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value ?? "InternalFailure",
                error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? body);
        }
        catch (System.Xml.XmlException)
        {
            return ("InternalFailure", body);
        }
    }

    private static bool HasTraceHeader(IReadOnlyDictionary<string, string> fields) =>
        fields.Any(f => f.Key.StartsWith(SystemAttribute, StringComparison.Ordinal) && f.Key.EndsWith(".Name", StringComparison.Ordinal)
            && f.Value == SqsMessage.TraceHeaderAttribute);

    /// <summary>MessageSystemAttribute.N.* for AWSTraceHeader, N one past the highest the caller used.</summary>
    private static KeyValuePair<string, string>[] TraceHeaderFields(IReadOnlyDictionary<string, string> fields, string traceHeader)
    {
        var used = fields.Keys
            .Where(k => k.StartsWith(SystemAttribute, StringComparison.Ordinal))
            .Select(k => k[SystemAttribute.Length..].Split('.')[0])
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0)
            .DefaultIfEmpty(0)
            .Max();
        var attribute = $"{SystemAttribute}{used + 1}.";
        return
        [
            new(attribute + "Name", SqsMessage.TraceHeaderAttribute),
            new(attribute + "Value.DataType", "String"),
            new(attribute + "Value.StringValue", traceHeader),
        ];
    }
}
