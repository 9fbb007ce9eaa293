namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>An S3 error in S3's XML shape: code, message and the ArgumentName/ArgumentValue pairs some errors carry.</summary>
internal sealed class S3ErrorException(int statusCode, string code, string message, IReadOnlyList<(string Name, string Value)>? arguments = null, bool numberArguments = false)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public IReadOnlyList<(string Name, string Value)> Arguments { get; } = arguments ?? [];

    /// <summary>Destination errors number their pairs (ArgumentName1, ArgumentValue1, …); others do not.</summary>
    public bool NumberArguments { get; } = numberArguments;

    public static S3ErrorException InvalidArgument(string message, string? name = null, string? value = null) =>
        new(400, "InvalidArgument", message, name is null ? null : [(name, value ?? "")]);

    public static S3ErrorException MalformedXml() =>
        new(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
}
