using Patterns.AwsClients.Core;
using Patterns.AwsClients.EventBridge;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>Creates a model's event bus, or finds it.</summary>
internal sealed class EventBusProvisioner(EventBridgeClient events)
{
    public async Task<ProvisionedEventBus> ProvisionAsync(EventBus bus, CancellationToken cancellationToken)
    {
        try
        {
            var created = await events.CreateEventBusAsync(new CreateEventBusRequest(bus.Name), cancellationToken).ConfigureAwait(false);
            return new ProvisionedEventBus(bus.Name, created.EventBusArn);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == "ResourceAlreadyExistsException")
        {
            var existing = await events.DescribeEventBusAsync(bus.Name, cancellationToken).ConfigureAwait(false);
            return new ProvisionedEventBus(bus.Name, existing.Arn);
        }
    }
}
