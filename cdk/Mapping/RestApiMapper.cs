using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using IApiResource = Amazon.CDK.AWS.APIGateway.IResource;
using ModelRestApi = Patterns.Hosting.Model.RestApi;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model REST API → a regional API Gateway REST API deployed to the model's stage, a resource
/// per path and a Lambda proxy (AWS_PROXY) method per route. Each method's integration adds a
/// permission for API Gateway to invoke the function from that method of this API's stage
/// only (no test-invoke permission); no account-wide CloudWatch role is created.
/// </summary>
internal sealed class RestApiMapper : ResourceMapper<ModelRestApi, RestApi>
{
    // The output RestApi adds by itself; replaced by one with a predictable name.
    private const string DefaultEndpointOutput = "Endpoint";

    protected override RestApi Map(ModelRestApi api, MappingContext context)
    {
        var construct = new RestApi(context.Stack, api.Name, new RestApiProps
        {
            RestApiName = api.Name,
            EndpointConfiguration = new EndpointConfiguration { Types = [EndpointType.REGIONAL] },
            CloudWatchRole = false,
            DeployOptions = new StageOptions { StageName = api.Stage, TracingEnabled = true },
        });
        foreach (var route in api.Routes)
        {
            var function = context.Get<MappedFunction>(route.FunctionName, api).Function;
            ResourceFor(construct.Root, route.Path).AddMethod(
                route.Method,
                new LambdaIntegration(function, new LambdaIntegrationOptions { Proxy = true, AllowTestInvoke = false }));
        }

        construct.Node.TryRemoveChild(DefaultEndpointOutput);
        new CfnOutput(construct, "UrlOutput", new CfnOutputProps
        {
            Value = construct.Url,
            Description = $"The invoke URL of {api.Name}'s stage {api.Stage}",
        }).OverrideLogicalId(OutputIds.For(api.Name, "Url"));
        return construct;
    }

    // Walks the path part by part: ResourceForPath("/") answers the root through a proxy that
    // the .NET binding cannot convert to its declared Resource type.
    private static IApiResource ResourceFor(IApiResource root, string path)
    {
        var resource = root;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            resource = resource.GetResource(part) ?? resource.AddResource(part);
        return resource;
    }
}
