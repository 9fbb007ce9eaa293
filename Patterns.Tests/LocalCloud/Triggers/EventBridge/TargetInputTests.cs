using System.Text.Json;
using Patterns.LocalCloud.Triggers.EventBridge.Input;
using Patterns.LocalCloud.Triggers.EventBridge.Rules;

namespace Patterns.Tests.LocalCloud.Triggers.EventBridge;

/// <summary>What a target receives: the event, its Input, its InputPath's selection or its InputTransformer's template filled.</summary>
public sealed class TargetInputTests
{
    private static readonly Dictionary<string, string> Paths = new()
    {
        ["instance"] = "$.detail.instance-id",
        ["state"] = "$.detail.state",
        ["count"] = "$.detail.count",
        ["detail"] = "$.detail",
        ["skus"] = "$.detail.items[*].sku",
        ["missing"] = "$.detail.nothing-here",
    };

    private static string Transform(string template) =>
        TargetInput.For(TestDeliveries.Target(transformer: new InputTransformer(Paths, template)), TestDeliveries.Rule(), TestDeliveries.Event());

    [Fact]
    public void Without_input_settings_the_target_gets_the_whole_event_in_EventBridge_field_order()
    {
        var json = TargetInput.For(TestDeliveries.Target(), TestDeliveries.Rule(), TestDeliveries.Event());

        using var document = JsonDocument.Parse(json);
        Assert.Equal(["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0", document.RootElement.GetProperty("version").GetString());
        Assert.Equal("2015-11-11T21:29:54Z", document.RootElement.GetProperty("time").GetString());
        Assert.Equal("RUNNING", document.RootElement.GetProperty("detail").GetProperty("state").GetString());
    }

    [Fact]
    public void Input_is_sent_exactly_as_given() =>
        Assert.Equal("""{ "constant": [1, 2] }""", TargetInput.For(TestDeliveries.Target(input: """{ "constant": [1, 2] }"""), TestDeliveries.Rule(), TestDeliveries.Event()));

    [Theory]
    [InlineData("$.detail.state", "\"RUNNING\"")]
    [InlineData("$.detail.items[1].sku", "\"b\"")]
    [InlineData("$.detail.items[*].sku", """["a","b"]""")]
    [InlineData("$.detail.items.*.sku", """["a","b"]""")]
    [InlineData("$.resources[0]", "\"arn:aws:ec2:us-east-1:000000000000:instance/i-0123\"")]
    [InlineData("$.detail.nothing-here", "null")]
    public void InputPath_selects_part_of_the_event(string path, string expected) =>
        Assert.Equal(expected, TargetInput.For(TestDeliveries.Target(inputPath: path), TestDeliveries.Rule(), TestDeliveries.Event()));

    [Theory]
    [InlineData("detail.state")]
    [InlineData("$.detail['state']")]
    [InlineData("$..state")]
    public void A_path_EventBridge_does_not_support_is_refused(string path) =>
        Assert.Throws<InputPathException>(() => TargetInput.For(TestDeliveries.Target(inputPath: path), TestDeliveries.Rule(), TestDeliveries.Event()));

    [Theory]
    // Unquoted placeholders in JSON take the value's JSON; quoted ones its text, unescaped.
    [InlineData("""{"instance" : <instance>, "state": <state>}""", """{"instance":"i-0123","state":"RUNNING"}""")]
    [InlineData("""{"message": "instance <instance> is in <state>"}""", """{"message":"instance i-0123 is in RUNNING"}""")]
    [InlineData("""{"instance": <instance>, "states": [9, <state>, true], "Transformed": "Yes"}""", """{"instance":"i-0123","states":[9,"RUNNING",true],"Transformed":"Yes"}""")]
    [InlineData("""{"count": <count>, "text": "count <count>"}""", """{"count":5,"text":"count 5"}""")]
    [InlineData("""{"skus": <skus>}""", """{"skus":["a","b"]}""")]
    [InlineData("""{"detail": <detail>}""", """{"detail":{"instance-id":"i-0123","state":"RUNNING","count":5,"items":[{"sku":"a"},{"sku":"b"}]}}""")]
    // A string template stays a JSON string; a template that is not JSON is plain text.
    [InlineData("\"instance <instance> is in <state>\"", "\"instance i-0123 is in RUNNING\"")]
    [InlineData("<instance> is in state <state>", "i-0123 is in state RUNNING")]
    [InlineData("instance \"<instance>\" is in <state>", "instance \"i-0123\" is in RUNNING")]
    // A path the event lacks: null outside quotes, nothing inside.
    [InlineData("""{"m": <missing>, "s": "[<missing>]"}""", """{"m":null,"s":"[]"}""")]
    // Placeholders that name no variable stay as they are.
    [InlineData("<b>bold <state></b>", "<b>bold RUNNING</b>")]
    public void InputTransformer_fills_the_template_as_EventBridge_does(string template, string expected) =>
        Assert.Equal(expected, Transform(template));

    [Fact]
    public void The_predefined_variables_name_the_rule_the_event_and_its_ingestion()
    {
        var json = Transform("""{"rule": <aws.events.rule-name>, "arn": <aws.events.rule-arn>, "event": <aws.events.event>, "full": <aws.events.event.json>, "at": <aws.events.event.ingestion-time>, "text": "<aws.events.rule-name> triggered"}""");

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("orders-rule", root.GetProperty("rule").GetString());
        Assert.Equal(TestDeliveries.RuleArn, root.GetProperty("arn").GetString());
        Assert.Equal("7bf73129-1428-4cd3-a780-95db273d1602", root.GetProperty("event").GetProperty("id").GetString());
        Assert.False(root.GetProperty("event").TryGetProperty("detail", out _));
        Assert.Equal("RUNNING", root.GetProperty("full").GetProperty("detail").GetProperty("state").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("at").GetString(), out _));
        Assert.Equal("orders-rule triggered", root.GetProperty("text").GetString());
    }
}
