using System.Text.Json;
using Patterns.Tests.Peers;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Triggers.EventBridge;

/// <summary>The AWS CLIs, unchanged, set up a rule with a function target and put an event that the function receives.</summary>
public sealed class EventBridgeCliPeerTests(EventBridgeFixture fixture) : IClassFixture<EventBridgeFixture>
{
    private async Task<string> AwsAsync(string cli, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync(cli, ["--endpoint-url", fixture.Cloud.EdgeUrl.ToString().TrimEnd('/'), .. arguments]);
        Assert.True(exitCode == 0, $"{cli} {string.Join(' ', arguments)} exited {exitCode}: {stderr}");
        return stdout;
    }

    [Theory]
    [InlineData(AwsCliPeerTests.CliV1, "cli1")]
    [InlineData(AwsCliPeerTests.CliV2, "cli2")]
    public async Task Put_events_from_the_CLI_reaches_a_function_target(string cli, string suffix)
    {
        var function = $"eb-peer-{suffix}";
        var rule = $"eb-peer-rule-{suffix}";
        await fixture.CreateFunctionAsync(function);
        var ruleArn = JsonDocument.Parse(await AwsAsync(cli, "events", "put-rule", "--name", rule, "--event-pattern", $$"""{"source":["peer.{{suffix}}"]}""")).RootElement
            .GetProperty("RuleArn").GetString()!;
        await AwsAsync(cli, "lambda", "add-permission", "--function-name", function, "--statement-id", "events", "--action", "lambda:InvokeFunction",
            "--principal", "events.amazonaws.com", "--source-arn", ruleArn);
        await AwsAsync(cli, "events", "put-targets", "--rule", rule, "--targets", $"Id=function,Arn={EventBridgeFixture.FunctionArn(function)}");

        var answer = JsonDocument.Parse(await AwsAsync(cli, "events", "put-events", "--entries",
            $$"""[{"Source":"peer.{{suffix}}","DetailType":"PeerEvent","Detail":"{\"from\":\"{{cli}}\"}","Time":"2024-03-04T05:06:07Z"}]""")).RootElement;

        Assert.Equal(0, answer.GetProperty("FailedEntryCount").GetInt32());
        var eventId = answer.GetProperty("Entries")[0].GetProperty("EventId").GetString();
        var received = Assert.Single(await fixture.ReceivedByFunctionAsync(function)).GetProperty("event");
        Assert.Equal(eventId, received.GetProperty("id").GetString());
        Assert.Equal("2024-03-04T05:06:07Z", received.GetProperty("time").GetString());
        Assert.Equal(cli, received.GetProperty("detail").GetProperty("from").GetString());
    }
}
