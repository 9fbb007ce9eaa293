using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Patterns.Benchmarks;

/// <summary>
/// Start-up: the AppHost executable until Pattern 1 is provisioned and its API answers GET
/// /products (which includes the function's cold start), against moto_server alone until it answers.
/// </summary>
internal static partial class ReadyBench
{
    private const int Runs = 5;

    public static async Task RunAsync()
    {
        var moto = new Samples("moto_server alone, until it answers");
        var appHost = new Samples("AppHost, until Pattern 1's API answers");
        for (var i = 0; i < Runs; i++)
        {
            moto.Add(await MotoAloneAsync());
            appHost.Add(await AppHostAsync());
        }

        Report.Section("AppHost ready vs moto_server alone");
        Report.Line(moto);
        Report.Line(appHost);
        Report.Ratio("AppHost ready / moto_server ready (p50)", appHost.P50, moto.P50, 2.0);
    }

    private static async Task<TimeSpan> MotoAloneAsync()
    {
        var port = FreePort();
        var start = Stopwatch.GetTimestamp();
        using var process = Start("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient();
        await UntilOkAsync(http, new Uri($"http://127.0.0.1:{port}/moto-api/data.json"));
        var elapsed = Stopwatch.GetElapsedTime(start);
        await StopAsync(process);
        return elapsed;
    }

    private static async Task<TimeSpan> AppHostAsync()
    {
        var port = FreePort();
        var start = Stopwatch.GetTimestamp();
        using var process = Start(Path.Combine(BuildOutputs.AppHost, "Patterns.AppHost"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dashboard-port", "0");
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
