namespace Functions.Runtime;

/// <summary>Writes to the function's log (the process's standard output), one line per call.</summary>
public interface ILambdaLogger
{
    /// <summary>Writes <paramref name="message"/> as it is, as <c>print</c> does in a Python handler.</summary>
    void LogLine(string message);

    /// <summary>Writes <c>{timestamp}\t{requestId}\tinfo\t{message}</c>, the .NET runtime's log format.</summary>
    void LogInformation(string message);

    /// <summary>As <see cref="LogInformation"/> with level <c>warn</c>.</summary>
    void LogWarning(string message);

    /// <summary>As <see cref="LogInformation"/> with level <c>fail</c>.</summary>
    void LogError(string message);
}
