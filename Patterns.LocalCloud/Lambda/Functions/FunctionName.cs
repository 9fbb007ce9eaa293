namespace Patterns.LocalCloud.Lambda.Functions;

/// <summary>
/// A function reference as the Lambda API accepts it: a name, a partial ARN
/// (<c>123456789012:function:name</c>) or a full ARN, each optionally ending in <c>:qualifier</c>.
/// </summary>
internal readonly record struct FunctionName(string Name, string? Qualifier)
{
    public static FunctionName Parse(string reference)
    {
        var parts = Uri.UnescapeDataString(reference).Split(':');
        return parts switch
        {
            ["arn", _, "lambda", _, _, "function", var name] => new(name, null),
            ["arn", _, "lambda", _, _, "function", var name, var qualifier] => new(name, qualifier),
            [_, "function", var name] => new(name, null),
            [_, "function", var name, var qualifier] => new(name, qualifier),
            [var name] => new(name, null),
            [var name, var qualifier] => new(name, qualifier),
            _ => throw LambdaErrors.InvalidFunctionName(reference),
        };
    }
}
