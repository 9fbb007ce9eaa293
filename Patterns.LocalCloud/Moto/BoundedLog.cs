namespace Patterns.LocalCloud.Moto;

/// <summary>The last lines a child process wrote, kept to explain a failed start.</summary>
internal sealed class BoundedLog(int capacity)
{
    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
                _lines.Dequeue();
        }
    }

    public override string ToString()
    {
        lock (_lines)
            return string.Join(Environment.NewLine, _lines);
    }
}
