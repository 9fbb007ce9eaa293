using Amazon.CDK;
using Constructs;
using Patterns.Cdk.Mapping;
using Patterns.Hosting.Model;

namespace Patterns.Cdk;

/// <summary>
/// One CloudFormation stack holding every resource of an app model, each mapped by the mapper
/// of its kind (<see cref="ResourceMappers"/>): first every resource (what one needs in order
/// to exist is mapped before it), then what connects them (subscriptions, notifications, event
/// source mappings), which may run in either direction between two resources.
/// </summary>
public sealed class AppStack : Stack
{
    public AppStack(Construct scope, string id, AppModel model, CloudOptions options, IStackProps? props = null)
        : base(scope, id, props ?? new StackProps { Description = "Serverless Patterns: the app model's resources, with least-privilege roles derived from the model." })
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var context = new MappingContext(this, options, model);
        var mapped = model.Resources.Select(resource => (Resource: resource, Mapped: context.Map(resource))).ToList();
        foreach (var (resource, construct) in mapped)
            ResourceMappers.For(resource).Connect(resource, construct, context);
    }
}
