using System.Text.Json;
using Patterns.Tests.Support;

namespace Patterns.Tests.Peers;

/// <summary>
/// The AWS CLI v1 (first <c>aws</c> on PATH) and Debian's v2 (<c>/usr/bin/aws</c>), unchanged,
/// against the edge: DynamoDB, the Lambda API, Invoke and CloudWatch Logs.
/// </summary>
public sealed class AwsCliPeerTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    public const string CliV1 = "aws";
    public const string CliV2 = "/usr/bin/aws";

    private async Task<string> AwsAsync(string cli, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync(cli, ["--endpoint-url", fixture.Cloud.EdgeUrl.ToString().TrimEnd('/'), .. arguments]);
        Assert.True(exitCode == 0, $"{cli} {string.Join(' ', arguments)} exited {exitCode}: {stderr}");
        return stdout;
    }

    [Theory]
    [InlineData(CliV1, "cli1")]
    [InlineData(CliV2, "cli2")]
    public async Task DynamoDB_and_the_Lambda_API_answer_the_CLI(string cli, string suffix)
    {
        await AwsAsync(cli, "dynamodb", "create-table", "--table-name", $"Peers-{suffix}",
            "--attribute-definitions", "AttributeName=id,AttributeType=S", "--key-schema", "AttributeName=id,KeyType=HASH",
            "--billing-mode", "PAY_PER_REQUEST");
        var tables = JsonDocument.Parse(await AwsAsync(cli, "dynamodb", "list-tables")).RootElement;
        Assert.Contains($"Peers-{suffix}", tables.GetProperty("TableNames").EnumerateArray().Select(t => t.GetString()));

        await fixture.CreateFunctionAsync($"PeerEcho-{suffix}", "Functions::Functions.Diagnostics.Faults::Echo");
        var functions = JsonDocument.Parse(await AwsAsync(cli, "lambda", "list-functions")).RootElement;
        var listed = functions.GetProperty("Functions").EnumerateArray().Single(f => f.GetProperty("FunctionName").GetString() == $"PeerEcho-{suffix}");
        Assert.Equal("provided.al2023", listed.GetProperty("Runtime").GetString());
    }

    [Theory]
    [InlineData(CliV1, "cli1")]
    [InlineData(CliV2, "cli2")]
    public async Task Lambda_invoke_writes_the_result_and_the_log_tail(string cli, string suffix)
    {
        var function = $"PeerInvoke-{suffix}";
        await fixture.CreateFunctionAsync(function, "Functions::Functions.Diagnostics.Faults::Echo");
        var outfile = Path.Combine(Path.GetTempPath(), $"{function}-{Guid.NewGuid():N}.json");
        string[] binaryFormat = cli == CliV2 ? ["--cli-binary-format", "raw-in-base64-out"] : [];

        var result = JsonDocument.Parse(await AwsAsync(cli, ["lambda", "invoke", "--function-name", function,
            "--payload", """{"name":"Trainee"}""", "--log-type", "Tail", .. binaryFormat, outfile])).RootElement;

        Assert.Equal(200, result.GetProperty("StatusCode").GetInt32());
        Assert.Equal("$LATEST", result.GetProperty("ExecutedVersion").GetString());
        var log = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(result.GetProperty("LogResult").GetString()!));
        Assert.Contains("REPORT RequestId: ", log);
        Assert.Equal("Trainee", JsonDocument.Parse(await File.ReadAllTextAsync(outfile)).RootElement.GetProperty("name").GetString());
        File.Delete(outfile);
    }

    [Theory]
    [InlineData(CliV1, "cli1")]
    [InlineData(CliV2, "cli2")]
    public async Task Function_logs_are_read_with_filter_log_events(string cli, string suffix)
    {
        var function = $"PeerLogs-{suffix}";
        await fixture.CreateFunctionAsync(function, "Functions::Functions.Diagnostics.Faults::Log");
        var line = $"peer log line {Guid.NewGuid():N}";
        await AwsAsync(cli, ["lambda", "invoke", "--function-name", function, "--payload", $$"""{"lines":["{{line}}"]}""",
            .. (cli == CliV2 ? new[] { "--cli-binary-format", "raw-in-base64-out" } : []), Path.Combine(Path.GetTempPath(), $"{function}.json")]);

        var messages = await Poll.UntilAsync(async () =>
            {
                var events = JsonDocument.Parse(await AwsAsync(cli, "logs", "filter-log-events", "--log-group-name", $"/aws/lambda/{function}")).RootElement;
                return events.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
            },
            m => m.Any(x => x.StartsWith("REPORT ", StringComparison.Ordinal)), TimeSpan.FromSeconds(20), "the invocation's log");
        Assert.Contains(line, messages);
    }

    [Fact]
    public async Task Logs_tail_of_the_CLI_v2_shows_the_function_output()
    {
        const string function = "PeerTail";
        await fixture.CreateFunctionAsync(function, "Functions::Functions.Diagnostics.Faults::Log");
        var line = $"tail line {Guid.NewGuid():N}";
        await AwsAsync(CliV2, "lambda", "invoke", "--function-name", function, "--cli-binary-format", "raw-in-base64-out",
            "--payload", $$"""{"lines":["{{line}}"]}""", Path.Combine(Path.GetTempPath(), $"{function}.json"));

        var tail = await Poll.UntilAsync(() => AwsAsync(CliV2, "logs", "tail", $"/aws/lambda/{function}", "--since", "1h"),
            t => t.Contains("REPORT RequestId", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "aws logs tail output");
        Assert.Contains(line, tail);
    }
}
