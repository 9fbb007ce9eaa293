using System.Diagnostics;
using System.Text.Json.Nodes;
using Patterns.AppHost;
using Patterns.Cdk.Publishing;
using Patterns.Tests.Support;

namespace Patterns.Tests.Cdk;

/// <summary>
/// The AppHost's <c>publish</c> command, with a given functions folder (the real Functions
/// publish is <see cref="FunctionsPublishTests"/>'s subject): in-process, and as the CDK CLI
/// runs it, a process with CDK_OUTDIR and CDK_CONTEXT_JSON set.
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class PublishCommandTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("patterns-publish-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [Fact]
    public async Task Publish_synthesizes_the_app_stack_into_the_output_directory()
    {
        var exitCode = await PublishCommand.RunAsync(PatternsApp.Build(), ["--output", _output, "--functions-code", FunctionsBuild.Directory], _stdout, _stderr);

        Assert.True(exitCode == 0, _stderr.ToString());
        Assert.Contains($"Synthesized stack ServerlessPatterns (X86_64) into {_output}", _stdout.ToString(), StringComparison.Ordinal);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "manifest.json")))!;
        Assert.Equal("aws:cloudformation:stack", (string?)manifest["artifacts"]?["ServerlessPatterns"]?["type"]);
        var template = TemplateJson.Load(Path.Combine(_output, "ServerlessPatterns.template.json"));
        Assert.Equal("x86_64", (string?)template.Single("AWS::Lambda::Function", "HelloServerless").Resource["Properties"]?["Architectures"]?[0]);
    }

    [Fact]
    public async Task Architecture_and_stack_name_options_reach_the_template()
    {
        var exitCode = await PublishCommand.RunAsync(
            PatternsApp.Build(), ["--output", _output, "--functions-code", FunctionsBuild.Directory, "--architecture", "arm64", "--stack-name", "PatternsArm"], _stdout, _stderr);

        Assert.True(exitCode == 0, _stderr.ToString());
        var template = TemplateJson.Load(Path.Combine(_output, "PatternsArm.template.json"));
        Assert.Equal("arm64", (string?)template.Single("AWS::Lambda::Function", "HelloServerless").Resource["Properties"]?["Architectures"]?[0]);
    }

    [Fact]
    public async Task A_functions_folder_without_bootstrap_is_refused_naming_the_folder()
    {
        var exitCode = await PublishCommand.RunAsync(PatternsApp.Build(), ["--output", _output, "--functions-code", _output], _stdout, _stderr);

        Assert.Equal(1, exitCode);
        Assert.Contains($"--functions-code {_output} has no 'bootstrap' at its root", _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_output, "manifest.json")));
    }

    [Theory]
    [InlineData("--bogus", "Unknown argument '--bogus' for publish.")]
    [InlineData("--architecture=sparc", "Architecture 'sparc' is not one Lambda runs: use x86_64 or arm64.")]
    [InlineData("--output", "--output needs a value.")]
    public async Task A_bad_command_line_exits_2_with_the_reason(string argument, string reason)
    {
        var exitCode = await PublishCommand.RunAsync(PatternsApp.Build(), [argument], _stdout, _stderr);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(reason, _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_options()
    {
        var exitCode = await PublishCommand.RunAsync(PatternsApp.Build(), ["--help"], _stdout, _stderr);

        Assert.Equal(0, exitCode);
        Assert.Contains("--functions-code DIR", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_AppHost_publishes_where_the_CDK_CLI_says_with_the_CLI_context()
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, "Patterns.AppHost.dll");
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[appHost, "publish", "--functions-code", FunctionsBuild.Directory])
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment["CDK_OUTDIR"] = _output;
        startInfo.Environment["CDK_CONTEXT_JSON"] = """{"architecture":"arm64"}""";

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {await stderr}{await stdout}");
        var template = TemplateJson.Load(Path.Combine(_output, "ServerlessPatterns.template.json"));
        Assert.Equal("arm64", (string?)template.Single("AWS::Lambda::Function", "HelloServerless").Resource["Properties"]?["Architectures"]?[0]);
    }

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
        Directory.Delete(_output, recursive: true);
    }
}
