using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using ApiAuthorizer = Patterns.Hosting.Model.ApiAuthorizer;
using AuthorizerKind = Patterns.Hosting.Model.AuthorizerKind;
using IApiResource = Amazon.CDK.AWS.APIGateway.IResource;
using ModelRestApi = Patterns.Hosting.Model.RestApi;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model REST API → a regional API Gateway REST API deployed to the model's stage, a resource
/// per path and a Lambda proxy (AWS_PROXY) method per route. Each method's integration adds a
/// permission for API Gateway to invoke the function from that method of this API's stage
/// only (no test-invoke permission); no account-wide CloudWatch role is created. A route's
/// authorizer → a TOKEN authorizer (its function gets the header's value; API Gateway caches
/// the decision per token for the TTL; CDK adds a permission to invoke the function from this
/// authorizer alone) or a COGNITO_USER_POOLS authorizer of the pool, and the method's
/// authorization type CUSTOM or COGNITO_USER_POOLS.
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
        // Created on first use: CDK refuses an authorizer no method uses (it belongs to no API),
        // and API Gateway would never call one.
        var authorizers = new Dictionary<string, IAuthorizer>(StringComparer.Ordinal);
        foreach (var route in api.Routes)
        {
            var function = context.Get<MappedFunction>(route.FunctionName, api).Function;
            IAuthorizer? authorizer = null;
            if (route.AuthorizerName is { } name && !authorizers.TryGetValue(name, out authorizer))
            {
                authorizer = Authorizer(construct, api, api.Authorizers.Single(a => a.Name == name), context);
                authorizers.Add(name, authorizer);
            }
            ResourceFor(construct.Root, route.Path).AddMethod(
                route.Method,
                new LambdaIntegration(function, new LambdaIntegrationOptions { Proxy = true, AllowTestInvoke = false }),
                new MethodOptions { Authorizer = authorizer });
        }

        construct.Node.TryRemoveChild(DefaultEndpointOutput);
        new CfnOutput(construct, "UrlOutput", new CfnOutputProps
        {
            Value = construct.Url,
            Description = $"The invoke URL of {api.Name}'s stage {api.Stage}",
        }).OverrideLogicalId(OutputIds.For(api.Name, "Url"));
        return construct;
    }

    private static IAuthorizer Authorizer(RestApi construct, ModelRestApi api, ApiAuthorizer authorizer, MappingContext context) =>
        authorizer.Kind switch
        {
            AuthorizerKind.Token => new TokenAuthorizer(construct, authorizer.Name, new TokenAuthorizerProps
            {
                AuthorizerName = authorizer.Name,
                Handler = context.Get<MappedFunction>(authorizer.ResourceName, api).Function,
                IdentitySource = IdentitySource.Header(authorizer.Header),
                ResultsCacheTtl = Duration.Seconds(authorizer.ResultTtl.TotalSeconds),
                ValidationRegex = authorizer.ValidationExpression,
            }),
            AuthorizerKind.CognitoUserPools => new CognitoUserPoolsAuthorizer(construct, authorizer.Name, new CognitoUserPoolsAuthorizerProps
            {
                AuthorizerName = authorizer.Name,
                CognitoUserPools = [context.Get<MappedUserPool>(authorizer.ResourceName, api).Pool],
                IdentitySource = IdentitySource.Header(authorizer.Header),
                ResultsCacheTtl = Duration.Seconds(authorizer.ResultTtl.TotalSeconds),
            }),
            _ => throw new NotSupportedException($"REST API {api.Name}: authorizer {authorizer.Name} is of a kind ({authorizer.Kind}) the CDK mapping does not know."),
        };

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
