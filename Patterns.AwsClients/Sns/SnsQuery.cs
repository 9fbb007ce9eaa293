using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.Sns;

/// <summary>
/// How SNS inputs flatten into query parameters: attribute maps as entry.N.key/value, tags as
/// member.N.Key/Value, message attributes as entry.N.Name and entry.N.Value.{DataType,
/// StringValue, BinaryValue}.
/// </summary>
internal static class SnsQuery
{
    public static IEnumerable<(string Name, string? Value)> Tags(IReadOnlyDictionary<string, string>? tags) =>
        AwsQuery.List("Tags", tags, (tag, prefix) => [($"{prefix}Key", tag.Key), ($"{prefix}Value", tag.Value)]);

    public static IEnumerable<(string Name, string? Value)> MessageAttributes(string name, IReadOnlyDictionary<string, MessageAttributeValue>? attributes)
    {
        var n = 0;
        foreach (var (attributeName, value) in attributes ?? new Dictionary<string, MessageAttributeValue>())
        {
            ArgumentNullException.ThrowIfNull(value, $"{name}[{attributeName}]");
            if (value.StringValue is null && value.BinaryValue is null)
                throw new ArgumentException($"Message attribute '{attributeName}' has neither a StringValue nor a BinaryValue; SNS requires one.", name);
            n++;
            var prefix = $"{name}.entry.{n}.";
            yield return ($"{prefix}Name", attributeName);
            yield return ($"{prefix}Value.DataType", value.DataType);
            yield return ($"{prefix}Value.StringValue", value.StringValue);
            yield return ($"{prefix}Value.BinaryValue", value.BinaryValue is { } binary ? Convert.ToBase64String(binary) : null);
        }
    }

    public static IEnumerable<(string Name, string? Value)> BatchEntries(IReadOnlyList<PublishBatchRequestEntry> entries) =>
        AwsQuery.List("PublishBatchRequestEntries", entries, (entry, prefix) =>
        [
            ($"{prefix}Id", entry.Id),
            ($"{prefix}Message", entry.Message),
            ($"{prefix}Subject", entry.Subject),
            ($"{prefix}MessageStructure", entry.MessageStructure),
            .. MessageAttributes($"{prefix}MessageAttributes", entry.MessageAttributes),
            ($"{prefix}MessageDeduplicationId", entry.MessageDeduplicationId),
            ($"{prefix}MessageGroupId", entry.MessageGroupId),
        ]);
}
