namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// One message attribute as Publish received it. <see cref="Value"/> is the StringValue, or the
/// BinaryValue in base64 as the query protocol carries it (and as SNS hands it on).
/// </summary>
/// <param name="DataType">String, Number, Binary, String.Array, or one of those with a custom suffix ("Number.float").</param>
internal sealed record MessageAttribute(string Name, string DataType, string Value)
{
    public bool IsBinary => DataType.StartsWith("Binary", StringComparison.Ordinal);

    public bool IsNumber => DataType.StartsWith("Number", StringComparison.Ordinal);

    public bool IsStringArray => DataType == "String.Array";
}
