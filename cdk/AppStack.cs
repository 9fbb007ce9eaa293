using Amazon.CDK;
using Constructs;
using Patterns.Cdk.Mapping;
using Patterns.Hosting.Model;

namespace Patterns.Cdk;

/// <summary>
/// One CloudFormation stack holding every resource of an app model, each mapped by the mapper
/// of its kind (<see cref="ResourceMappers"/>), in declaration order so that what a resource
/// refers to is mapped before it.
/// </summary>
public sealed class AppStack : Stack
{
    public AppStack(Construct scope, string id, AppModel model, CloudOptions options, IStackProps? props = null)
        : base(scope, id, props ?? new StackProps { Description = "Serverless Patterns: the app model's resources, with least-privilege roles derived from the model." })
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var context = new MappingContext(this, options);
        foreach (var resource in model.Resources)
            context.Add(resource, ResourceMappers.For(resource).Map(resource, context));
    }
}
