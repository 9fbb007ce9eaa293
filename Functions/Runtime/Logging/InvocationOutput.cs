using System.Globalization;

namespace Functions.Runtime.Logging;

/// <summary>
/// What the runtime itself writes around an invocation: the failure of a handler, and the local
/// host's completion marker. Lambda's log capture reads the pipes asynchronously, so the host can
/// only know an invocation's output is complete when it sees a line that follows all of it.
/// </summary>
internal sealed class InvocationOutput(string? logMarker, TimeProvider time)
{
    public void ReportFailure(string requestId, Exception exception)
    {
        var timestamp = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        Console.Error.WriteLine($"{timestamp}\t{requestId}\tfail\t{exception}");
    }

    /// <summary>Puts what the handler wrote into the pipes; runs before the result is posted.</summary>
    public void Flush()
    {
        Console.Out.Flush();
        Console.Error.Flush();
    }

    /// <summary>
    /// When the local host asked for it (LOCALCLOUD_LOG_MARKER), writes <c>{marker}{requestId}\n</c>
    /// to both streams. Runs after the result is posted: the handler's lines are in the pipes
    /// before the marker all the same, and the caller does not wait for two more pipe writes (and
    /// the host threads they wake).
    /// </summary>
    public void Complete(string requestId)
    {
        if (logMarker is null)
        {
            return;
        }

        var line = $"{logMarker}{requestId}\n";
        Console.Out.Write(line);
        Console.Out.Flush();
        Console.Error.Write(line);
        Console.Error.Flush();
    }
}
