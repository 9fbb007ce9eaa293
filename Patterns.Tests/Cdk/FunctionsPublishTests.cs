using System.Diagnostics;
using Patterns.AppHost;
using Patterns.Cdk;
using Patterns.Cdk.Publishing;

namespace Patterns.Tests.Cdk;

/// <summary>
/// The Functions publish a deployment zips: self-contained for linux-x64, with a bootstrap at
/// its root that starts the runtime client, which refuses to run outside a Lambda environment.
/// Not in the CDK collection: it runs no CDK code, and the publish takes a while.
/// </summary>
public sealed class FunctionsPublishTests : IDisposable
{
    private readonly string _directory = Path.Combine(Directory.CreateTempSubdirectory("patterns-functions-").FullName, "linux-x64");

    [Fact]
    public async Task The_published_bootstrap_runs_and_exits_64_outside_Lambda()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var log = new StringWriter();

        var published = await FunctionsPublisher.PublishAsync(PatternsApp.FunctionsProject, FunctionArchitecture.X86_64, _directory, log, cancel.Token);

        Assert.Equal(_directory, published);
        Assert.True(File.Exists(Path.Combine(published, "Functions")), "No Functions executable beside bootstrap.");
        Assert.True(File.Exists(Path.Combine(published, "libcoreclr.so")), "The publish is not self-contained: no libcoreclr.so.");
        Assert.True(File.GetUnixFileMode(Path.Combine(published, "bootstrap")).HasFlag(UnixFileMode.UserExecute), "bootstrap is not executable.");

        var startInfo = new ProcessStartInfo(Path.Combine(published, "bootstrap")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);

        Assert.Equal(64, process.ExitCode);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", await stderr, StringComparison.Ordinal);
        Assert.Equal("", await stdout);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);
}
