using System.Diagnostics;

namespace Patterns.Benchmarks;

/// <summary>This benchmark executable started again as the echo server of the baseline.</summary>
internal sealed class EchoProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EchoProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<EchoProcess> StartAsync()
    {
        var startInfo = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true };
        startInfo.ArgumentList.Add("echo-server");
        var process = Process.Start(startInfo)!;
        var url = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The echo server did not start.");
        return new EchoProcess(process, new Uri(url));
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
