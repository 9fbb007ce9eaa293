using System.Text.Json.Serialization;

namespace Patterns.AwsClients.EventBridge;

/// <summary>Source-generated JSON for EventBridge (JSON 1.1), whose members are PascalCase on the wire.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutEventsRequest))]
[JsonSerializable(typeof(PutEventsResponse))]
[JsonSerializable(typeof(CreateEventBusRequest))]
[JsonSerializable(typeof(CreateEventBusResponse))]
[JsonSerializable(typeof(EventBusName))]
[JsonSerializable(typeof(DescribeEventBusResponse))]
[JsonSerializable(typeof(PutRuleRequest))]
[JsonSerializable(typeof(PutRuleResponse))]
[JsonSerializable(typeof(RuleName))]
[JsonSerializable(typeof(DescribeRuleResponse))]
[JsonSerializable(typeof(ListRulesRequest))]
[JsonSerializable(typeof(ListRulesResponse))]
[JsonSerializable(typeof(PutTargetsRequest))]
[JsonSerializable(typeof(PutTargetsResponse))]
[JsonSerializable(typeof(ListTargetsByRuleRequest))]
[JsonSerializable(typeof(ListTargetsByRuleResponse))]
[JsonSerializable(typeof(RemoveTargetsRequest))]
[JsonSerializable(typeof(RemoveTargetsResponse))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
