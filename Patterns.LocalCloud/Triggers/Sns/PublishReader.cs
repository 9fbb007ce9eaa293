using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// Reads one Publish (or one PublishBatch entry) and validates it as SNS does, in SNS's words:
/// the message and its size, the subject, the message attributes, MessageStructure and the FIFO
/// parameters.
/// </summary>
internal static class PublishReader
{
    /// <summary>SNS's limit on a message including its attributes' names, types and values (256 KiB).</summary>
    public const int MaximumMessageBytes = 262_144;

    private const int MaximumAttributes = 10;
    private const int MaximumSubjectLength = 100;

    /// <param name="prefix">"" for Publish, "PublishBatchRequestEntries.member.N." for a batch entry.</param>
    /// <param name="position">The batch entry's position (1-based), which SNS names in some messages; null for Publish.</param>
    public static SnsMessage Read(SnsParameters parameters, string prefix, int? position, TopicInfo topic, DateTimeOffset now)
    {
        var message = parameters.Get(prefix + "Message") ?? throw SnsErrors.Required(position is null ? "message" : $"publishBatchRequestEntries.{position}.member.message");
        if (message.Length == 0)
            throw SnsErrors.EmptyMessage();
        var subject = parameters.Get(prefix + "Subject");
        if (subject is not null && !IsValidSubject(subject))
            throw SnsErrors.InvalidParameter("Invalid parameter: Subject");
        var attributes = ReadAttributes(parameters, prefix + "MessageAttributes.entry", position);
        if (Size(message, attributes) > MaximumMessageBytes)
            throw SnsErrors.MessageTooLong();

        var byProtocol = parameters.Get(prefix + "MessageStructure") switch
        {
            null => null,
            "json" => ReadStructure(message),
            var other => throw SnsErrors.InvalidParameter($"Invalid parameter: MessageStructure Reason: {other} is not a supported message structure; the only one is json"),
        };

        var groupId = parameters.Get(prefix + "MessageGroupId");
        var deduplicationId = parameters.Get(prefix + "MessageDeduplicationId");
        if (topic.IsFifo)
        {
            if (string.IsNullOrEmpty(groupId))
                throw SnsErrors.InvalidParameter("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
            if (string.IsNullOrEmpty(deduplicationId) && !topic.ContentBasedDeduplication)
                throw SnsErrors.InvalidParameter("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        }
        else if (deduplicationId is not null)
        {
            throw SnsErrors.InvalidParameter("Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type");
        }

        return new SnsMessage(Guid.NewGuid().ToString(), topic.Arn, message, subject, attributes, now)
        {
            ByProtocol = byProtocol,
            MessageGroupId = groupId,
            MessageDeduplicationId = deduplicationId,
        };
    }

    /// <summary>All parts of the message attributes count toward the limit: names, types and values.</summary>
    public static int Size(string message, IReadOnlyList<MessageAttribute> attributes) =>
        Encoding.UTF8.GetByteCount(message)
        + attributes.Sum(a => Encoding.UTF8.GetByteCount(a.Name) + Encoding.UTF8.GetByteCount(a.DataType) + Encoding.UTF8.GetByteCount(a.Value));

    // ASCII text that begins with a letter, number or punctuation mark, without line breaks or
    // control characters, shorter than 100 characters.
    private static bool IsValidSubject(string subject) =>
        subject.Length is > 0 and <= MaximumSubjectLength
        && subject[0] != ' '
        && subject.All(c => c is >= ' ' and <= '~');

    private static Dictionary<string, string> ReadStructure(string message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            throw SnsErrors.InvalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw SnsErrors.InvalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
            // Only string values count as protocol messages; any other value is ignored.
            var byProtocol = document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            if (!byProtocol.ContainsKey("default"))
                throw SnsErrors.InvalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
            return byProtocol;
        }
    }

    private static List<MessageAttribute> ReadAttributes(SnsParameters parameters, string prefix, int? position)
    {
        var indices = parameters.Indices(prefix);
        if (indices.Count > MaximumAttributes)
            throw SnsErrors.InvalidParameterValue($"Number of message attributes [{indices.Count}] exceeds the allowed maximum [{MaximumAttributes}].");
        var attributes = new List<MessageAttribute>(indices.Count);
        foreach (var index in indices)
        {
            var entry = $"{prefix}.{index}.";
            var name = parameters.Get(entry + "Name") ?? "";
            ValidateName(name);
            var dataType = parameters.Get(entry + "Value.DataType");
            if (dataType is null)
            {
                var at = position is null
                    ? $"messageAttributes.{name}.member.dataType"
                    : $"publishBatchRequestEntries.{position}.member.messageAttributes.{name}.member.dataType";
                throw SnsErrors.Required(at);
            }
            if (!IsSupportedType(dataType))
                throw SnsErrors.InvalidParameterValue($"The message attribute '{name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
            var stringValue = parameters.Get(entry + "Value.StringValue");
            var binaryValue = parameters.Get(entry + "Value.BinaryValue");
            if (stringValue is null && binaryValue is null)
                throw SnsErrors.InvalidParameterValue($"The message attribute '{name}' must contain non-empty message attribute value for message attribute type '{dataType}'.");
            var isBinary = dataType.StartsWith("Binary", StringComparison.Ordinal);
            var value = isBinary ? binaryValue : stringValue;
            if (value is null)
                throw SnsErrors.InvalidParameterValue($"The message attribute '{name}' with type '{dataType}' must use field '{(isBinary ? "Binary" : "String")}'.");
            if (value.Length == 0)
                throw SnsErrors.InvalidParameterValue($"The message attribute '{name}' must contain non-empty message attribute value for message attribute type '{dataType}'.");
            var attribute = new MessageAttribute(name, dataType, value);
            if (attribute.IsNumber && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                throw SnsErrors.InvalidParameterValue($"Could not cast message attribute '{name}' value to number.");
            if (attribute.IsStringArray && !IsJsonArray(value))
                throw SnsErrors.InvalidParameterValue($"The message attribute '{name}' with type 'String.Array' must be a JSON array of strings, numbers, booleans or nulls.");
            attributes.Add(attribute);
        }
        return attributes;
    }

    private static bool IsSupportedType(string dataType) =>
        dataType is "String" or "Number" or "Binary"
        || ((dataType.StartsWith("String.", StringComparison.Ordinal) || dataType.StartsWith("Number.", StringComparison.Ordinal) || dataType.StartsWith("Binary.", StringComparison.Ordinal))
            && dataType.Length > dataType.IndexOf('.') + 1);

    private static bool IsJsonArray(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.ValueKind == JsonValueKind.Array
                && document.RootElement.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // A-Z, a-z, 0-9, underscore, hyphen and period; not starting or ending with a period, no two periods in a row.
    private static void ValidateName(string name)
    {
        if (name.Length == 0)
            throw SnsErrors.InvalidParameterValue("The message attribute name must not be empty.");
        if (Encoding.UTF8.GetByteCount(name) > 256)
            throw SnsErrors.InvalidParameterValue("Length of message attribute name must be less than 256 bytes.");
        if (name[0] == '.')
            throw SnsErrors.InvalidParameterValue("Invalid message attribute name starting with character '.' was found.");
        if (name[^1] == '.')
            throw SnsErrors.InvalidParameterValue("Invalid message attribute name ending with character '.' was found.");
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                throw SnsErrors.InvalidParameterValue($"Invalid non-alphanumeric character '#x{(int)c:X}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.");
            if (c == '.' && name[i - 1] == '.')
                throw SnsErrors.InvalidParameterValue("Message attribute name can not have successive '.' character.");
        }
    }
}
