using System.Text.Json.Nodes;
using Patterns.AppHost.Patterns;
using static Patterns.Tests.Cdk.TemplateJson;

namespace Patterns.Tests.Cdk;

/// <summary>Pattern 3 (OrderService → ecommerce-events → OrderPlacedRule → OrderNotifier, InventoryReducer) as the app's stack deploys it.</summary>
[Collection(CdkCollection.Name)]
public sealed class Pattern03StackTests(SynthesizedApp synthesized)
{
    private const string BusPath = "ecommerceevents";

    private TemplateJson Json => synthesized.Json<Pattern03EventDriven>();

    [Fact]
    public void The_bus_is_a_custom_bus_whose_name_CloudFormation_derives_from_the_stack()
    {
        var (_, bus) = Json.Exactly("AWS::Events::EventBus", BusPath);
        var name = (string?)bus["Properties"]?["Name"];
        Assert.StartsWith(nameof(Pattern03EventDriven) + BusPath, name, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderPlacedRule_is_the_one_rule_on_the_bus_with_the_models_pattern_exactly()
    {
        var (busId, _) = Json.Exactly("AWS::Events::EventBus", BusPath);
        var (_, rule) = Assert.Single(Json.Resources("AWS::Events::Rule"));
        var properties = rule["Properties"]!;

        Assert.Equal(GetAtt(busId, "Name"), properties["EventBusName"]!.ToJsonString());
        Assert.Equal("ENABLED", (string?)properties["State"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Pattern03EventDriven.EventPattern), properties["EventPattern"]), properties["EventPattern"]!.ToJsonString());
        Assert.Null(properties["ScheduleExpression"]);
    }

    [Fact]
    public void The_rule_targets_OrderNotifier_and_InventoryReducer_with_the_whole_event()
    {
        var (_, rule) = Assert.Single(Json.Resources("AWS::Events::Rule"));
        var targets = rule["Properties"]!["Targets"]!.AsArray();

        var expected = new[] { Pattern03EventDriven.NotifierName, Pattern03EventDriven.InventoryName }
            .Select(name => GetAtt(Json.Exactly("AWS::Lambda::Function", $"{name}Function").LogicalId, "Arn"));
        Assert.Equal(expected, targets.Select(t => t!["Arn"]!.ToJsonString()));
        Assert.Equal(["Target0", "Target1"], targets.Select(t => (string?)t!["Id"]));
        Assert.All(targets, t => Assert.Equal(["Arn", "Id"], t!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void EventBridge_may_invoke_each_target_only_for_OrderPlacedRule()
    {
        var (ruleId, _) = Assert.Single(Json.Resources("AWS::Events::Rule"));
        var permissions = Json.Resources("AWS::Lambda::Permission").Select(p => p.Resource["Properties"]!).ToList();

        Assert.Equal(2, permissions.Count);
        foreach (var name in new[] { Pattern03EventDriven.NotifierName, Pattern03EventDriven.InventoryName })
        {
            var (functionId, _) = Json.Exactly("AWS::Lambda::Function", $"{name}Function");
            var permission = Assert.Single(permissions, p => (string?)p["FunctionName"]?["Fn::GetAtt"]?[0] == functionId);
            Assert.Equal(("lambda:InvokeFunction", "events.amazonaws.com"), ((string?)permission["Action"], (string?)permission["Principal"]));
            Assert.Equal(GetAtt(ruleId, "Arn"), permission["SourceArn"]!.ToJsonString());
        }
    }

    [Fact]
    public void OrderService_gets_the_bus_name_and_may_put_events_on_that_bus_only()
    {
        var (busId, _) = Json.Exactly("AWS::Events::EventBus", BusPath);
        var (_, function) = Json.Exactly("AWS::Lambda::Function", $"{Pattern03EventDriven.PublisherName}Function");
        Assert.Equal(GetAtt(busId, "Name"), function["Properties"]!["Environment"]!["Variables"]!["EVENT_BUS_NAME"]!.ToJsonString());

        var (roleId, _) = Json.Exactly("AWS::IAM::Role", $"{Pattern03EventDriven.PublisherName}Role");
        var (logGroupId, _) = Json.Exactly("AWS::Logs::LogGroup", $"{Pattern03EventDriven.PublisherName}LogGroup");
        var expected = Json.BaseGrants(logGroupId).Append($"events:PutEvents on {GetAtt(busId, "Arn")}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, Json.Grants(roleId));
    }

    [Fact]
    public void The_subscribers_roles_allow_only_their_logs_and_X_Ray()
    {
        foreach (var name in new[] { Pattern03EventDriven.NotifierName, Pattern03EventDriven.InventoryName })
        {
            var (roleId, _) = Json.Exactly("AWS::IAM::Role", $"{name}Role");
            var (logGroupId, _) = Json.Exactly("AWS::Logs::LogGroup", $"{name}LogGroup");
            Assert.Equal(Json.BaseGrants(logGroupId).Order(StringComparer.Ordinal), Json.Grants(roleId));
        }
    }

    [Fact]
    public void The_bus_name_is_an_output()
    {
        var (busId, _) = Json.Exactly("AWS::Events::EventBus", BusPath);

        Assert.Equal(GetAtt(busId, "Name"), Json.Root["Outputs"]?["ecommerceeventsEventBusName"]?["Value"]?.ToJsonString());
    }
}
