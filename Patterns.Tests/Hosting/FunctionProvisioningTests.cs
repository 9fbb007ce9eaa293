using Patterns.AppHost;
using Patterns.AwsClients.Core;
using Patterns.Hosting.Local;
using Patterns.Hosting.Model;

namespace Patterns.Tests.Hosting;

/// <summary>Functions are created on the Functions build through the edge's Lambda API, and updated in place.</summary>
public sealed class FunctionProvisioningTests(ProvisioningFixture cloud) : IClassFixture<ProvisioningFixture>
{
    private const string Handler = "Functions::Functions.Pattern01.HelloServerless::HandleAsync";

    private FunctionProvisioner Provisioner =>
        new(cloud.Clients.Lambda, PatternsApp.FunctionsProject.BuildDirectory, cloud.Options.AccountId, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Creates_the_function_on_the_custom_runtime_with_the_build_as_code()
    {
        var function = new Function("Create-fn", Handler) { Timeout = TimeSpan.FromSeconds(7), MemorySize = 512 };

        var provisioned = await Provisioner.ProvisionAsync(function, new Dictionary<string, string> { ["TABLE_NAME"] = "T1" }, CancellationToken.None);

        var configuration = (await cloud.Clients.Lambda.GetFunctionAsync("Create-fn")).Configuration;
        Assert.Equal(configuration.FunctionArn, provisioned.Arn);
        Assert.Equal(("provided.al2023", Handler, 7, 512), (configuration.Runtime, configuration.Handler, configuration.Timeout, configuration.MemorySize));
        Assert.Equal("T1", configuration.Environment!.Variables!["TABLE_NAME"]);
        Assert.Equal("arn:aws:iam::000000000000:role/Create-fn-role", configuration.Role);
    }

    [Fact]
    public async Task Provisioning_an_existing_function_updates_it_in_place()
    {
        await Provisioner.ProvisionAsync(new Function("Update-fn", Handler), new Dictionary<string, string> { ["TABLE_NAME"] = "Old" }, CancellationToken.None);

        var second = await Provisioner.ProvisionAsync(
            new Function("Update-fn", Handler) { Timeout = TimeSpan.FromSeconds(20) },
            new Dictionary<string, string> { ["TABLE_NAME"] = "New", ["MODE"] = "x" },
            CancellationToken.None);

        Assert.Single(await cloud.Clients.Lambda.ListAllFunctionsAsync(), f => f.FunctionName == "Update-fn");
        var configuration = (await cloud.Clients.Lambda.GetFunctionAsync("Update-fn")).Configuration;
        Assert.Equal(20, configuration.Timeout);
        Assert.Equal(new Dictionary<string, string> { ["TABLE_NAME"] = "New", ["MODE"] = "x" }, configuration.Environment!.Variables);
        Assert.Equal(configuration.FunctionArn, second.Arn);
    }

    [Fact]
    public async Task Granting_invoke_twice_keeps_one_statement_per_route()
    {
        await Provisioner.ProvisionAsync(new Function("Grant-fn", Handler), new Dictionary<string, string>(), CancellationToken.None);
        var api = new RestApi("GrantApi", "dev") { Routes = [new Route("GET", "/items", "Grant-fn")] };
        var functions = new Dictionary<string, ProvisionedFunction> { ["Grant-fn"] = new("Grant-fn", "arn:aws:lambda:us-east-1:000000000000:function:Grant-fn") };
        var permissions = new InvokePermissions(cloud.Clients.Lambda, "us-east-1", "000000000000");

        await permissions.GrantAsync(api, "api123", functions, CancellationToken.None);
        await permissions.GrantAsync(api, "api123", functions, CancellationToken.None);

        var policy = await cloud.Clients.Lambda.GetPolicyAsync("Grant-fn");
        using var document = System.Text.Json.JsonDocument.Parse(policy.Policy);
        Assert.Single(document.RootElement.GetProperty("Statement").EnumerateArray());
    }

    [Fact]
    public async Task The_lambda_client_deletes_a_function()
    {
        await Provisioner.ProvisionAsync(new Function("Delete-fn", Handler), new Dictionary<string, string>(), CancellationToken.None);

        await cloud.Clients.Lambda.DeleteFunctionAsync("Delete-fn");

        Assert.DoesNotContain(await cloud.Clients.Lambda.ListAllFunctionsAsync(), f => f.FunctionName == "Delete-fn");
    }

    [Fact]
    public async Task The_lambda_client_reports_aws_errors_from_the_edge()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => cloud.Clients.Lambda.GetFunctionAsync("Does-not-exist"));

        Assert.Equal((404, "ResourceNotFoundException"), (error.StatusCode, error.ErrorCode));
    }
}
