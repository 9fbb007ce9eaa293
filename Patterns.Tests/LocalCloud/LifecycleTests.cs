using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Patterns.LocalCloud;
using Patterns.LocalCloud.Moto;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud;

/// <summary>The local cloud leaves nothing running: not when disposed, not when its host is killed outright.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Disposing_the_local_cloud_stops_moto_and_every_function_process()
    {
        var cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = 0, Log = null });
        int functionPid;
        using (var edge = new HttpClient { BaseAddress = cloud.EdgeUrl })
        {
            using var created = await edge.PostAsJsonAsync("2015-03-31/functions", new Dictionary<string, object>
            {
                ["FunctionName"] = "Pid",
                ["Runtime"] = "provided.al2023",
                ["Handler"] = "Functions::Functions.Diagnostics.Faults::ProcessId",
                ["Role"] = "arn:aws:iam::000000000000:role/lambda-role",
                ["Code"] = new Dictionary<string, string> { ["S3Bucket"] = "hot-reload", ["S3Key"] = FunctionsBuild.Directory },
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            using var invoked = await edge.PostAsync("2015-03-31/functions/Pid/invocations", new StringContent("{}", Encoding.UTF8, "application/json"));
            functionPid = JsonDocument.Parse(await invoked.Content.ReadAsStringAsync()).RootElement.GetProperty("pid").GetInt32();
        }
        var motoPid = cloud.MotoProcessId;
        Assert.True(ProcessTree.IsAlive(motoPid));
        Assert.True(ProcessTree.IsAlive(functionPid));

        await cloud.DisposeAsync();

        Assert.False(ProcessTree.IsAlive(motoPid), "moto_server outlived the local cloud");
        Assert.False(ProcessTree.IsAlive(functionPid), "a function process outlived the local cloud");
    }

    [Fact]
    public async Task Killing_the_AppHost_outright_leaves_no_orphan_behind()
    {
        var startInfo = new ProcessStartInfo(AppHostExecutable()) { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add("--dashboard-port");
        startInfo.ArgumentList.Add("0");
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add("0");
        using var process = Process.Start(startInfo)!;
        try
        {
            string? apiUrl = null;
            while (apiUrl is null && await process.StandardOutput.ReadLineAsync() is { } line)
                if (line.Contains("/_aws/execute-api/", StringComparison.Ordinal))
                    apiUrl = line.Trim();
            if (apiUrl is null)
                Assert.Fail($"The AppHost printed no API URL: {await process.StandardError.ReadToEndAsync()}");
            using (var http = new HttpClient())
                Assert.True((await http.GetAsync(apiUrl + "products")).IsSuccessStatusCode); // starts a function process

            var children = ProcessTree.Descendants(process.Id);
            Assert.True(children.Count >= 2, $"expected moto and a function process under the AppHost, found {children.Count}");

            process.Kill(); // SIGKILL: no chance to clean up
            await process.WaitForExitAsync();

            await Poll.UntilAsync(() => Task.FromResult(children.Count(ProcessTree.IsAlive)), alive => alive == 0,
                TimeSpan.FromSeconds(10), "the AppHost's children to exit after it was killed");
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Python_files_where_the_AppHost_is_started_do_not_shadow_moto()
    {
        // Python puts the working directory first on the module path of `python -c`: a project's
        // own moto.py or flask.py would be imported instead, and moto would never answer.
        var workingDirectory = Directory.CreateTempSubdirectory("user-project").FullName;
        foreach (var module in new[] { "moto", "flask", "werkzeug", "boto3" })
            await File.WriteAllTextAsync(Path.Combine(workingDirectory, module + ".py"), $"raise SystemExit('the {module}.py of the working directory was imported')\n");
        var startInfo = new ProcessStartInfo(AppHostExecutable()) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var argument in new[] { "--port", "0", "--dashboard-port", "0", "--patterns", "1" })
            startInfo.ArgumentList.Add(argument);
        using var process = Process.Start(startInfo)!;
        try
        {
            var errors = process.StandardError.ReadToEndAsync();
            string? apiUrl = null;
            while (apiUrl is null && await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
                if (line.Contains("/_aws/execute-api/", StringComparison.Ordinal))
                    apiUrl = line.Trim();
            if (apiUrl is null)
                Assert.Fail($"The AppHost printed no API URL: {await errors}");
            using var http = new HttpClient();
            using var products = await http.GetAsync(apiUrl + "products");
            Assert.Equal(System.Net.HttpStatusCode.OK, products.StatusCode);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_configured_Python_without_moto_is_a_clear_error_naming_the_fix()
    {
        var options = new LocalCloudOptions { MotoPython = "/usr/bin/python3", StateDirectory = Directory.CreateTempSubdirectory("state").FullName };
        if (!File.Exists("/usr/bin/python3"))
            options = options with { MotoPython = "/nonexistent/python3" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MotoInstaller.ResolvePythonAsync(options, CancellationToken.None));

        Assert.Contains("cannot import moto", error.Message);
        Assert.Contains("pip install 'moto[server]'", error.Message);
    }

    [Fact]
    public async Task MOTO_PYTHON_is_used_over_the_interpreter_a_previous_run_remembered()
    {
        // A state directory that remembers an interpreter (any existing file passes as one), and
        // MOTO_PYTHON naming another that cannot run moto: the run must try that one and say so.
        var dataHome = Directory.CreateTempSubdirectory("data-home").FullName;
        Directory.CreateDirectory(Path.Combine(dataHome, "serverless-patterns"));
        await File.WriteAllTextAsync(Path.Combine(dataHome, "serverless-patterns", "moto-python"), Environment.ProcessPath);
        var startInfo = new ProcessStartInfo(AppHostExecutable()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", "0", "--dashboard-port", "0" })
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment["XDG_DATA_HOME"] = dataHome;
        startInfo.Environment["MOTO_PYTHON"] = "/nonexistent/python3";
        using var process = Process.Start(startInfo)!;
        try
        {
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("The configured Python '/nonexistent/python3' cannot import moto", await errors, StringComparison.Ordinal);
            Assert.DoesNotContain("/_aws/execute-api/", await output, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            Directory.Delete(dataHome, recursive: true);
        }
    }

    [Fact]
    public async Task A_port_in_use_is_refused_by_name_before_moto_starts()
    {
        using var other = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        other.Start();
        var port = ((System.Net.IPEndPoint)other.LocalEndpoint).Port;
        var log = new StringWriter();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = port, Log = log }));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("in use", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("moto", log.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    // The AppHost built beside the Functions build the tests run.
    private static string AppHostExecutable() =>
        Path.Combine(Path.GetDirectoryName(FunctionsBuild.Directory.TrimEnd('/'))!.Replace(
            Path.Combine("Functions", "bin"), Path.Combine("Patterns.AppHost", "bin"), StringComparison.Ordinal), Path.GetFileName(FunctionsBuild.Directory.TrimEnd('/')), "Patterns.AppHost");
}
