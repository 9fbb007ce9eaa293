using Functions.Runtime;

namespace Patterns.Tests.Functions;

/// <summary>Keeps every line a handler logs, so a test can assert the seed's log lines.</summary>
internal sealed class RecordingLogger : ILambdaLogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    public void LogLine(string message) => Add(message);

    public void LogInformation(string message) => Add(message);

    public void LogWarning(string message) => Add(message);

    public void LogError(string message) => Add(message);

    private void Add(string line)
    {
        lock (_lines)
            _lines.Add(line);
    }
}
