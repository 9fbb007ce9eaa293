namespace Patterns.AwsClients.EventBridge;

/// <summary>The input of the calls that name just a bus (DescribeEventBus, DeleteEventBus); null Name = the default bus.</summary>
internal sealed record EventBusName(string? Name);
