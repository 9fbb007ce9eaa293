using System.Collections.Concurrent;
using Functions.Runtime;

namespace Patterns.Tests.Functions;

/// <summary>Keeps what a handler logs, line by line, instead of writing it out.</summary>
internal sealed class RecordingLambdaLogger : ILambdaLogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public void LogLine(string message) => _lines.Enqueue(message);

    public void LogInformation(string message) => _lines.Enqueue(message);

    public void LogWarning(string message) => _lines.Enqueue(message);

    public void LogError(string message) => _lines.Enqueue(message);
}
