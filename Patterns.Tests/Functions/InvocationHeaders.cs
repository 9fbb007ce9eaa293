namespace Patterns.Tests.Functions;

/// <summary>Optional Runtime API headers a test sets on an invocation.</summary>
internal sealed record InvocationHeaders(
    string? TraceId = null,
    string? ClientContext = null,
    string? CognitoIdentity = null,
    string InvokedFunctionArn = "arn:aws:lambda:us-east-1:000000000000:function:TestFunction",
    TimeSpan? Timeout = null);
