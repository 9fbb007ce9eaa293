using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using ModelEventBus = Patterns.Hosting.Model.EventBus;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model bus → a custom EventBridge bus. Its name is generated from the stack and the model
/// name (bus names are unique per account and region, so fixed names would keep two stacks
/// apart); it is a stack output and the referencing functions' environment.
/// </summary>
internal sealed class EventBusMapper : ResourceMapper<ModelEventBus, MappedEventBus>
{
    protected override MappedEventBus Map(ModelEventBus bus, MappingContext context)
    {
        var construct = new EventBus(context.Stack, bus.Name, new EventBusProps
        {
            Description = $"The {bus.Name} bus of the app model",
        });
        // Its Name attribute rather than its Ref: the same value in AWS, and the one moto's
        // CloudFormation resolves (its Ref of a bus is not the name).
        var name = ((CfnEventBus)construct.Node.DefaultChild!).AttrName;
        new CfnOutput(construct, "NameOutput", new CfnOutputProps
        {
            Value = name,
            Description = $"The name of the {bus.Name} event bus",
        }).OverrideLogicalId(OutputIds.For(bus.Name, "EventBusName"));
        return new MappedEventBus(construct, name);
    }
}
