using System.Diagnostics;
using Patterns.Hosting.Model;

namespace Patterns.Cdk.Publishing;

/// <summary>
/// Publishes the Functions project as Lambda runs it: Release, self-contained for linux, into a
/// folder whose root holds <c>bootstrap</c> (the project's start script, which runs the
/// self-contained <c>Functions</c> executable beside it). Not Native AOT: the runtime client
/// binds handlers and JSON contracts by reflection, which AOT compilation refuses.
/// </summary>
internal static class FunctionsPublisher
{
    public const string Bootstrap = "bootstrap";

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The runtime identifier the functions are published for on <paramref name="architecture"/>.</summary>
    public static string RuntimeIdentifier(FunctionArchitecture architecture) => architecture switch
    {
        FunctionArchitecture.X86_64 => "linux-x64",
        FunctionArchitecture.Arm64 => "linux-arm64",
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "The architecture must be x86_64 or arm64."),
    };

    /// <summary>Where <see cref="PublishAsync"/> publishes by default: under the project's bin folder, per runtime.</summary>
    public static string DefaultDirectory(FunctionsProject project, FunctionArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(project.ProjectPath))!, "bin", "Release", "lambda", RuntimeIdentifier(architecture));
    }

    /// <summary>Publishes into <paramref name="directory"/>, emptied first so that nothing stale is deployed.</summary>
    /// <returns>The directory, which has <c>bootstrap</c> at its root.</returns>
    /// <exception cref="InvalidOperationException">dotnet publish failed (its output is in the message) or left no bootstrap.</exception>
    public static async Task<string> PublishAsync(
        FunctionsProject project, FunctionArchitecture architecture, string directory, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(log);
        directory = Path.GetFullPath(directory);
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);

        var runtime = RuntimeIdentifier(architecture);
        await log.WriteLineAsync($"Publishing {Path.GetFileName(project.ProjectPath)} for {runtime} (Release, self-contained) into {directory}…").ConfigureAwait(false);
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["publish", project.ProjectPath, "-c", "Release", "-r", runtime, "--self-contained", "-o", directory, "-nologo"])
            startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("Could not start dotnet to publish the functions: is the .NET SDK on PATH?");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"dotnet publish of {project.ProjectPath} did not finish within {PublishTimeout.TotalMinutes} minutes; it was stopped.");
        }

        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish of {project.ProjectPath} for {runtime} failed (exit code {process.ExitCode}):{Environment.NewLine}{output.Trim()}");
        if (!File.Exists(Path.Combine(directory, Bootstrap)))
            throw new InvalidOperationException(
                $"The publish of {project.ProjectPath} has no '{Bootstrap}' at its root ({directory}); Lambda's provided.al2023 runtime starts that file. " +
                "Keep the bootstrap script in the Functions project with CopyToPublishDirectory.");
        return directory;
    }
}
