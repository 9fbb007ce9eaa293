using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Patterns.LocalCloud;
using Patterns.LocalCloud.Moto;

namespace Patterns.Benchmarks;

/// <summary>
/// Start-up: the AppHost executable until its model is provisioned and Pattern 1's API answers
/// GET /products (which includes the function's cold start), against moto_server alone until it
/// answers, started with the interpreter the AppHost starts it with. Pattern 1 alone
/// (<c>--patterns 1</c>) is the target's measure; the whole app is shown beside it.
/// </summary>
internal static partial class ReadyBench
{
    private const int Runs = 5;

    public static async Task RunAsync()
    {
        var python = await MotoInstaller.ResolvePythonAsync(new LocalCloudOptions(), CancellationToken.None);
        var moto = new Samples("moto_server alone, until it answers");
        var patternOne = new Samples("AppHost --patterns 1, until its API answers");
        var wholeApp = new Samples("AppHost (Patterns 1-6), until Pattern 1 answers");
        for (var i = 0; i < Runs; i++)
        {
            moto.Add(await MotoAloneAsync(python));
            patternOne.Add(await AppHostAsync("--patterns", "1"));
            wholeApp.Add(await AppHostAsync());
        }

        Report.Section($"AppHost ready vs moto_server alone   (both on Python {await PythonVersionAsync(python)})");
        Report.Line(moto);
        Report.Line(patternOne);
        Report.Line(wholeApp);
        Report.Ratio("Pattern 1 ready / moto_server ready (p50)", patternOne.P50, moto.P50, 2.0);
        Report.Ratio("whole app ready / moto_server ready (p50)", wholeApp.P50, moto.P50);
    }

    private static async Task<string> PythonVersionAsync(string python)
    {
        using var process = Start(python, "-c", "import platform; print(platform.python_version())");
        var version = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return version;
    }

    private static async Task<TimeSpan> MotoAloneAsync(string python)
    {
        var port = FreePort();
        var start = Stopwatch.GetTimestamp();
        using var process = Start(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient();
        await UntilOkAsync(http, new Uri($"http://127.0.0.1:{port}/moto-api/data.json"));
        var elapsed = Stopwatch.GetElapsedTime(start);
        await StopAsync(process);
        return elapsed;
    }

    private static async Task<TimeSpan> AppHostAsync(params string[] options)
    {
        var port = FreePort();
        var start = Stopwatch.GetTimestamp();
        using var process = Start(Path.Combine(BuildOutputs.AppHost, "Patterns.AppHost"), ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dashboard-port", "0", .. options]);
        string? apiUrl = null;
        while (apiUrl is null && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains("/_aws/execute-api/", StringComparison.Ordinal))
                apiUrl = line.Trim();
        }
        if (apiUrl is null)
            throw new InvalidOperationException($"The AppHost printed no API URL: {await process.StandardError.ReadToEndAsync()}");
        using var http = new HttpClient();
        await UntilOkAsync(http, new Uri(new Uri(apiUrl), "products"));
        var elapsed = Stopwatch.GetElapsedTime(start);
        await StopAsync(process);
        return elapsed;
    }

    private static Process Start(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        return Process.Start(startInfo)!;
    }

    private static async Task UntilOkAsync(HttpClient http, Uri url)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"{url} did not answer 200 within 60 s.");
            await Task.Delay(5);
        }
    }

    // SIGTERM, as Ctrl+C or a service manager would stop it, so it stops its own children.
    private static async Task StopAsync(Process process)
    {
        _ = Kill(process.Id, 15);
        await process.WaitForExitAsync();
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
