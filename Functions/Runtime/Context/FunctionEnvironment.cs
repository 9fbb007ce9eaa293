using System.Globalization;

namespace Functions.Runtime.Context;

/// <summary>The function's identity, read once from the variables Lambda sets for every runtime.</summary>
internal sealed record FunctionEnvironment(
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string LogGroupName,
    string LogStreamName)
{
    /// <summary>Lambda always sets these; the fallbacks only keep a hand-started process usable.</summary>
    public static FunctionEnvironment Read(Func<string, string?> environment)
    {
        var name = environment("AWS_LAMBDA_FUNCTION_NAME") ?? string.Empty;
        var memory = int.TryParse(environment("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) ? mb : 128;
        return new FunctionEnvironment(
            name,
            environment("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST",
            memory,
            environment("AWS_LAMBDA_LOG_GROUP_NAME") ?? $"/aws/lambda/{name}",
            environment("AWS_LAMBDA_LOG_STREAM_NAME") ?? string.Empty);
    }
}
