using Patterns.AwsClients.ApiGateway;
using Patterns.AwsClients.Core;
using Patterns.Hosting.Local;
using Patterns.Hosting.Model;
using RestApi = Patterns.Hosting.Model.RestApi;

namespace Patterns.Tests.Hosting;

/// <summary>
/// REST APIs are provisioned through the API Gateway control plane on the edge (stored by
/// moto): resources, methods, Lambda proxy integrations and the stage, idempotently.
/// </summary>
public sealed class RestApiProvisioningTests(ProvisioningFixture cloud) : IClassFixture<ProvisioningFixture>
{
    private const string Region = "us-east-1";
    private static readonly ProvisionedFunction Hello = new("Hello", "arn:aws:lambda:us-east-1:000000000000:function:Hello");
    private static readonly ProvisionedFunction Other = new("Other", "arn:aws:lambda:us-east-1:000000000000:function:Other");
    private static readonly Dictionary<string, ProvisionedFunction> Functions = new() { ["Hello"] = Hello, ["Other"] = Other };

    private RestApiProvisioner Provisioner => new(cloud.Clients.ApiGateway, Region, cloud.Host.EdgeUrl);

    private static RestApi Api(string name, params Route[] routes) => new(name, "dev") { Routes = [.. routes] };

    [Fact]
    public async Task Creates_the_api_its_routes_as_lambda_proxy_integrations_and_the_stage()
    {
        var api = Api("Products-create", new Route("GET", "/products", "Hello"), new Route("POST", "/products", "Hello"), new Route("GET", "/products/{id}", "Other"));

        var provisioned = await Provisioner.ProvisionAsync(api, Functions, CancellationToken.None);

        var apiGateway = cloud.Clients.ApiGateway;
        var found = Assert.Single(await apiGateway.GetAllRestApisAsync(), a => a.Name == "Products-create");
        Assert.Equal(found.Id, provisioned.Id);
        var resources = (await apiGateway.GetAllResourcesAsync(found.Id)).ToDictionary(r => r.Path);
        Assert.Equal(["/", "/products", "/products/{id}"], resources.Keys.Order(StringComparer.Ordinal));

        var get = await apiGateway.GetMethodAsync(found.Id, resources["/products"].Id, "GET");
        Assert.Equal("NONE", get.AuthorizationType);
        Assert.Equal("AWS_PROXY", get.MethodIntegration!.Type);
        Assert.Equal("POST", get.MethodIntegration.IntegrationHttpMethod);
        Assert.Equal($"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{Hello.Arn}/invocations", get.MethodIntegration.Uri);
        var byId = await apiGateway.GetMethodAsync(found.Id, resources["/products/{id}"].Id, "GET");
        Assert.EndsWith("function:Other/invocations", byId.MethodIntegration!.Uri, StringComparison.Ordinal);
        await apiGateway.GetMethodAsync(found.Id, resources["/products"].Id, "POST");

        var stage = Assert.Single((await apiGateway.GetStagesAsync(found.Id)).Item);
        Assert.Equal("dev", stage.StageName);
        Assert.NotNull(stage.DeploymentId);

        Assert.Equal(new Uri(cloud.Host.EdgeUrl, $"_aws/execute-api/{found.Id}/dev/"), provisioned.InvokeUrl);
        Assert.Equal(new Uri(cloud.Host.EdgeUrl, $"restapis/{found.Id}/dev/_user_request_/"), provisioned.UserRequestUrl);
    }

    [Fact]
    public async Task Provisioning_an_unchanged_api_again_changes_nothing()
    {
        var api = Api("Products-twice", new Route("GET", "/products", "Hello"), new Route("POST", "/products", "Hello"));
        var first = await Provisioner.ProvisionAsync(api, Functions, CancellationToken.None);
        var stageBefore = Assert.Single((await cloud.Clients.ApiGateway.GetStagesAsync(first.Id)).Item);

        var second = await Provisioner.ProvisionAsync(api, Functions, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(await cloud.Clients.ApiGateway.GetAllRestApisAsync(), a => a.Name == "Products-twice");
        Assert.Equal(2, (await cloud.Clients.ApiGateway.GetAllResourcesAsync(first.Id)).Count);
        var stageAfter = Assert.Single((await cloud.Clients.ApiGateway.GetStagesAsync(first.Id)).Item);
        Assert.Equal(stageBefore.DeploymentId, stageAfter.DeploymentId);
    }

    [Fact]
    public async Task A_changed_model_updates_the_api_in_place_and_redeploys()
    {
        var first = await Provisioner.ProvisionAsync(
            Api("Products-change", new Route("GET", "/products", "Hello"), new Route("POST", "/products", "Hello")), Functions, CancellationToken.None);
        var deploymentBefore = Assert.Single((await cloud.Clients.ApiGateway.GetStagesAsync(first.Id)).Item).DeploymentId;

        var second = await Provisioner.ProvisionAsync(
            Api("Products-change", new Route("GET", "/products", "Other"), new Route("DELETE", "/products/{id}", "Hello")), Functions, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        var resources = (await cloud.Clients.ApiGateway.GetAllResourcesAsync(first.Id, embedMethods: true)).ToDictionary(r => r.Path);
        Assert.Equal(["GET"], resources["/products"].ResourceMethods!.Keys);
        Assert.EndsWith("function:Other/invocations", resources["/products"].ResourceMethods!["GET"].MethodIntegration!.Uri, StringComparison.Ordinal);
        Assert.Equal(["DELETE"], resources["/products/{id}"].ResourceMethods!.Keys);
        var deploymentAfter = Assert.Single((await cloud.Clients.ApiGateway.GetStagesAsync(first.Id)).Item).DeploymentId;
        Assert.NotEqual(deploymentBefore, deploymentAfter);
    }

    [Fact]
    public async Task Two_apis_with_the_models_name_are_reported()
    {
        await cloud.Clients.ApiGateway.CreateRestApiAsync(new CreateRestApiRequest("Products-dup"));
        await cloud.Clients.ApiGateway.CreateRestApiAsync(new CreateRestApiRequest("Products-dup"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Provisioner.ProvisionAsync(Api("Products-dup", new Route("GET", "/x", "Hello")), Functions, CancellationToken.None));

        Assert.Contains("2 REST APIs are named Products-dup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_gateway_client_reports_aws_errors_from_the_edge()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => cloud.Clients.ApiGateway.GetResourcesAsync("doesnotexist"));

        Assert.Equal((404, "NotFoundException"), (error.StatusCode, error.ErrorCode));
        Assert.Contains("Invalid Rest API Id", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_gateway_client_manages_stages_and_deletes_apis()
    {
        var apiGateway = cloud.Clients.ApiGateway;
        var api = await apiGateway.CreateRestApiAsync(new CreateRestApiRequest("Stages-client") { Description = "stage operations" });
        var root = Assert.Single(await apiGateway.GetAllResourcesAsync(api.Id));
        await apiGateway.PutMethodAsync(new PutMethodRequest(api.Id, root.Id, "GET", "NONE"));
        await apiGateway.PutIntegrationAsync(new PutIntegrationRequest(api.Id, root.Id, "GET", "MOCK"));
        var deployment = await apiGateway.CreateDeploymentAsync(new CreateDeploymentRequest(api.Id) { Description = "first" });

        await apiGateway.CreateStageAsync(new CreateStageRequest(api.Id, "test", deployment.Id) { Variables = new Dictionary<string, string> { ["mode"] = "a" } });
        await apiGateway.UpdateStageAsync(new UpdateStageRequest(api.Id, "test", [new PatchOperation("replace", "/description", "updated")]));

        var stage = await apiGateway.GetStageAsync(api.Id, "test");
        Assert.Equal((deployment.Id, "updated", "a"), (stage.DeploymentId, stage.Description, stage.Variables!["mode"]));
        await apiGateway.DeleteRestApiAsync(api.Id);
        Assert.DoesNotContain(await apiGateway.GetAllRestApisAsync(), a => a.Id == api.Id);
    }

    [Theory]
    [InlineData("GET", "/products", "arn:aws:execute-api:us-east-1:000000000000:abc/*/GET/products")]
    [InlineData("ANY", "/products/{id}", "arn:aws:execute-api:us-east-1:000000000000:abc/*/*/products/*")]
    [InlineData("GET", "/", "arn:aws:execute-api:us-east-1:000000000000:abc/*/GET/")]
    public void Grants_invoke_scoped_to_the_route_as_CDK_does(string method, string path, string expected) =>
        Assert.Equal(expected, InvokePermissions.SourceArn("us-east-1", "000000000000", "abc", new Route(method, path, "Hello")));

    [Fact]
    public void Statement_ids_are_stable_per_route_and_distinct_across_routes()
    {
        var get = InvokePermissions.StatementId("abc", new Route("GET", "/products", "Hello"));

        Assert.Equal(get, InvokePermissions.StatementId("abc", new Route("GET", "/products", "Other")));
        Assert.NotEqual(get, InvokePermissions.StatementId("abc", new Route("GET", "/products/{id}", "Hello")));
        Assert.Matches("^[a-zA-Z0-9_-]{1,100}$", get);
    }
}
