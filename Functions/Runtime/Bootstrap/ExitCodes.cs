namespace Functions.Runtime.Bootstrap;

/// <summary>The process's exit codes, after sysexits.h, so a supervisor can tell why a function process ended.</summary>
internal static class ExitCodes
{
    /// <summary>Stopped through cancellation.</summary>
    public const int Stopped = 0;

    /// <summary>AWS_LAMBDA_RUNTIME_API is missing or malformed: not started by a Lambda service.</summary>
    public const int NotInRuntimeEnvironment = 64;

    /// <summary>The Runtime API is gone or broke its protocol.</summary>
    public const int RuntimeApiUnavailable = 69;

    /// <summary>The handler could not be found, bound or constructed.</summary>
    public const int InitializationFailed = 70;
}
