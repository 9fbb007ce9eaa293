using System.Text.RegularExpressions;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// The function a Lambda integration calls, from its URI
/// arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations,
/// after substituting ${stageVariables.name} as API Gateway does (e.g. an alias per stage).
/// </summary>
internal static partial class LambdaIntegrationUri
{
    private const string FunctionsMarker = ":lambda:path/2015-03-31/functions/";
    private const string InvocationsSuffix = "/invocations";

    /// <summary>The function ARN (possibly qualified), or null when the URI is not a Lambda invocation URI.</summary>
    public static string? FunctionArn(string? uri, IReadOnlyDictionary<string, string>? stageVariables)
    {
        if (uri is null || !uri.StartsWith("arn:", StringComparison.Ordinal))
            return null;
        var start = uri.IndexOf(FunctionsMarker, StringComparison.Ordinal);
        if (start < 0 || !uri.EndsWith(InvocationsSuffix, StringComparison.Ordinal))
            return null;
        start += FunctionsMarker.Length;
        var functionArn = uri[start..^InvocationsSuffix.Length];
        functionArn = StageVariable().Replace(functionArn, match =>
            stageVariables is not null && stageVariables.TryGetValue(match.Groups[1].Value, out var value) ? value : "");
        return functionArn.Length == 0 ? null : functionArn;
    }

    [GeneratedRegex(@"\$\{stageVariables\.([A-Za-z0-9_]+)\}")]
    private static partial Regex StageVariable();
}
