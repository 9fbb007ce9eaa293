using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Patterns.Tests.Cdk;

/// <summary>cfn-lint (AWS's CloudFormation linter, a Python tool on PATH) finds no error in any synthesized template.</summary>
[Collection(CdkCollection.Name)]
public sealed class CfnLintTests(SynthesizedApp synthesized)
{
    [Fact]
    public async Task Every_synthesized_template_has_no_cfn_lint_error()
    {
        var templates = synthesized.TemplateFiles;
        Assert.NotEmpty(templates);

        var (exitCode, stdout, stderr) = await RunCfnLintAsync(["--format", "json", .. templates]);

        // cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational; anything else means it did not lint.
        Assert.True((exitCode & ~(2 | 4 | 8)) == 0, $"cfn-lint failed to run (exit code {exitCode}): {stderr}{stdout}");
        var matches = JsonNode.Parse(stdout)?.AsArray() ?? [];
        var errors = matches.Where(m => (string?)m?["Level"] == "Error")
            .Select(m => $"{m!["Filename"]}: {m["Rule"]?["Id"]} {m["Message"]} at {m["Location"]?["Path"]?.ToJsonString()}")
            .ToList();
        Assert.True(errors.Count == 0, $"cfn-lint reported {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        Assert.Equal(0, exitCode & 2);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCfnLintAsync(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("cfn-lint") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (Win32Exception exception)
        {
            Assert.Fail($"cfn-lint is not on PATH ({exception.Message}). Install it with `python3 -m pip install cfn-lint` (.ci/run does), then run the tests again.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("cfn-lint did not finish within 2 minutes.");
            }
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
