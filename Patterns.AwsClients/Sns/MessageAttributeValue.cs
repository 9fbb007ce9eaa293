using System.Globalization;
using System.Text.Json;

namespace Patterns.AwsClients.Sns;

/// <summary>
/// A message attribute: a data type (String, Number, Binary or String.Array, optionally with a
/// ".custom" suffix) and a string or binary value. Filter policies match on these.
/// </summary>
public sealed record MessageAttributeValue(string DataType)
{
    /// <summary>The value of String, Number and String.Array attributes (a String.Array is a JSON array as text).</summary>
    public string? StringValue { get; init; }

    /// <summary>The value of Binary attributes; base64 on the wire.</summary>
    public byte[]? BinaryValue { get; init; }

    public static MessageAttributeValue String(string value) => new("String") { StringValue = value };

    public static MessageAttributeValue Number(decimal value) => new("Number") { StringValue = value.ToString(CultureInfo.InvariantCulture) };

    public static MessageAttributeValue Binary(byte[] value) => new("Binary") { BinaryValue = value };

    /// <summary>A String.Array of strings (SNS also allows numbers, booleans and null in the array).</summary>
    public static MessageAttributeValue StringArray(params IEnumerable<string> values) =>
        new("String.Array") { StringValue = JsonSerializer.Serialize(values.ToArray(), SnsJsonContext.Default.StringArray) };
}
