using System.Text;

namespace Patterns.Tests.LocalCloud.Triggers.EventBridge;

/// <summary>The local cloud's log (LocalCloudOptions.Log) kept for assertions; written from many threads.</summary>
internal sealed class LogCapture : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text)
            _text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_text)
            _text.Append(value);
    }

    public override void WriteLine(string? value)
    {
        lock (_text)
            _text.Append(value).Append('\n');
    }

    public override string ToString()
    {
        lock (_text)
            return _text.ToString();
    }
}
