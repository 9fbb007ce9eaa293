using System.Diagnostics;

namespace Patterns.LocalCloud.Moto;

/// <summary>
/// Finds a Python interpreter that can import moto, or installs <c>moto[server]</c> into a
/// private virtual environment under the state directory on first use.
/// </summary>
internal static class MotoInstaller
{
    private const string Probe =
        "import importlib.util, sys; print(sys.executable if importlib.util.find_spec('moto') and importlib.util.find_spec('flask') else '')";

    public static async Task<string> ResolvePythonAsync(LocalCloudOptions options, CancellationToken cancellationToken)
    {
        // Asked for by name: that one or an error, never a remembered other.
        if (options.MotoPython is { } configured)
            return await ProbeAsync(configured, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The configured Python '{configured}' cannot import moto and flask. Install them with: {configured} -m pip install 'moto[server]'");

        // Probing costs a Python start-up (more through a version manager's shim); the answer of the
        // last successful probe is kept and trusted while the interpreter exists. A stale answer
        // shows as a failed moto start, after which the caller forgets it and resolves again.
        // Read synchronously: the path is a line, and moto's start, the longest of a run, waits for it.
        if (File.Exists(CacheFile(options)) && File.ReadAllText(CacheFile(options)).Trim() is { Length: > 0 } cached && File.Exists(cached))
            return cached;

        var venvPython = Path.GetFullPath(Path.Combine(options.StateDirectory, "moto-venv", "bin", "python"));
        string? resolved = null;
        foreach (var candidate in new[] { venvPython, "python3" })
        {
            if ((resolved = await ProbeAsync(candidate, cancellationToken).ConfigureAwait(false)) is not null)
                break;
        }
        resolved ??= await InstallAsync(options, venvPython, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(options.StateDirectory);
        // Written aside and moved in place: local clouds starting side by side never read half a path.
        var staging = CacheFile(options) + "." + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(staging, resolved, cancellationToken).ConfigureAwait(false);
        File.Move(staging, CacheFile(options), overwrite: true);
        return resolved;
    }

    /// <summary>Drops the remembered interpreter, e.g. after moto failed to start with it.</summary>
    public static void Forget(LocalCloudOptions options) => File.Delete(CacheFile(options));

    private static string CacheFile(LocalCloudOptions options) => Path.Combine(options.StateDirectory, "moto-python");

    private static async Task<string?> ProbeAsync(string python, CancellationToken cancellationToken)
    {
        try
        {
            var (exitCode, output) = await RunAsync(python, ["-c", Probe], null, cancellationToken).ConfigureAwait(false);
            var executable = output.Trim();
            return exitCode == 0 && executable.Length > 0 ? executable : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed under that name
        }
    }

    private static async Task<string> InstallAsync(LocalCloudOptions options, string venvPython, CancellationToken cancellationToken)
    {
        var venv = Path.GetDirectoryName(Path.GetDirectoryName(venvPython))!;
        var log = options.Log;
        log?.WriteLine($"moto is not installed: installing moto[server] into {venv} (once) …");
        try
        {
            var (venvExit, venvOutput) = await RunAsync("python3", ["-m", "venv", venv], log, cancellationToken).ConfigureAwait(false);
            if (venvExit != 0)
                throw new InvalidOperationException(
                    $"'python3 -m venv {venv}' failed (exit {venvExit}). Install Python 3 with its venv module (Debian/Ubuntu: apt install python3-venv), or install moto yourself: pip install 'moto[server]'.{Environment.NewLine}{venvOutput}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                "Python 3 was not found on PATH. The local cloud runs moto, a Python program: install Python 3 (https://www.python.org/downloads/ or apt install python3 python3-venv) and run again.");
        }

        var (pipExit, pipOutput) = await RunAsync(venvPython, ["-m", "pip", "install", "--disable-pip-version-check", "moto[server]"], log, cancellationToken).ConfigureAwait(false);
        if (pipExit != 0)
            throw new InvalidOperationException(
                $"Installing moto[server] into {venv} failed (exit {pipExit}). Check that PyPI is reachable, or install moto yourself and set MOTO_PYTHON to that interpreter.{Environment.NewLine}{pipOutput}");

        return await ProbeAsync(venvPython, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"moto was installed into {venv} but cannot be imported there.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments, TextWriter? progress, CancellationToken cancellationToken)
    {
        using var process = Process.Start(PythonStartInfo.For(fileName, arguments)) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new BoundedLog(100);
        void OnLine(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            output.Add(e.Data);
            progress?.WriteLine($"  {e.Data}");
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, output.ToString());
    }
}
