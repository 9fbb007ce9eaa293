namespace Functions.Runtime;

/// <summary>What a handler knows about the invocation it is serving and the function it belongs to.</summary>
public interface ILambdaContext
{
    /// <summary>The invocation's request id (Lambda-Runtime-Aws-Request-Id).</summary>
    string AwsRequestId { get; }

    /// <summary>When the invocation times out (Lambda-Runtime-Deadline-Ms).</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left before <see cref="Deadline"/>; zero once it has passed.</summary>
    TimeSpan RemainingTime { get; }

    string FunctionName { get; }

    string FunctionVersion { get; }

    /// <summary>The ARN the caller used, including a version or alias qualifier when there was one.</summary>
    string InvokedFunctionArn { get; }

    int MemoryLimitInMB { get; }

    string LogGroupName { get; }

    string LogStreamName { get; }

    /// <summary>The X-Ray trace header (Root=…;Parent=…;Sampled=…), also in <c>_X_AMZN_TRACE_ID</c>; null when the invocation carries none.</summary>
    string? TraceId { get; }

    /// <summary>The client context JSON a mobile SDK caller sent (Lambda-Runtime-Client-Context), or null.</summary>
    string? ClientContext { get; }

    /// <summary>The Cognito identity JSON (Lambda-Runtime-Cognito-Identity), or null.</summary>
    string? CognitoIdentity { get; }

    ILambdaLogger Logger { get; }
}
