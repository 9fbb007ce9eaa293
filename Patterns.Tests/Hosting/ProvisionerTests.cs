using Patterns.AppHost;
using Patterns.Hosting.Local;
using Patterns.Hosting.Model;

namespace Patterns.Tests.Hosting;

/// <summary>The whole-model provisioner: dependency order and how failures are reported.</summary>
public sealed class ProvisionerTests(ProvisioningFixture cloud) : IClassFixture<ProvisioningFixture>
{
    private const string Handler = "Functions::Functions.Pattern01.HelloServerless::HandleAsync";

    private Provisioner Provisioner =>
        new(cloud.Clients, new LocalAppOptions { LocalCloud = cloud.Options }, PatternsApp.FunctionsProject.BuildDirectory, cloud.Host.EdgeUrl);

    [Fact]
    public async Task A_failed_table_is_named_and_the_function_that_references_it_is_not_created()
    {
        await new TableProvisioner(cloud.Clients.Tables).ProvisionAsync(new Table("Failing-keys", new KeyAttribute("id", AttributeType.Number)), CancellationToken.None);
        var app = new AppModelBuilder();
        var table = app.AddTable("Failing-keys", partitionKey: "id");
        app.AddFunction("Failing-dependent", Handler).WithReference(table, "TABLE_NAME");

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => Provisioner.ProvisionAsync(app.Build(), CancellationToken.None));

        Assert.Equal(("Table", "Failing-keys"), (error.ResourceKind, error.ResourceName));
        Assert.StartsWith("Could not provision Table Failing-keys: Table Failing-keys already exists with keys", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await cloud.Clients.Lambda.ListAllFunctionsAsync(), f => f.FunctionName == "Failing-dependent");
    }

    [Fact]
    public async Task Provisions_a_model_in_dependency_order_and_resolves_references()
    {
        var app = new AppModelBuilder();
        var orders = app.AddTable("Orders-model", partitionKey: "orderId");
        var handler = app.AddFunction("Orders-fn", Handler).WithReference(orders, "ORDERS_TABLE").WithEnvironment("MODE", "test");
        app.AddRestApi("OrdersAPI", "v1").WithRoute("GET", "/orders/{orderId}", handler);

        var provisioned = await Provisioner.ProvisionAsync(app.Build(), CancellationToken.None);

        Assert.Equal("Orders-model", Assert.Single(provisioned.Tables).Name);
        var function = (await cloud.Clients.Lambda.GetFunctionAsync("Orders-fn")).Configuration;
        Assert.Equal(new Dictionary<string, string> { ["ORDERS_TABLE"] = "Orders-model", ["MODE"] = "test" }, function.Environment!.Variables);
        var api = provisioned.RestApi("OrdersAPI");
        Assert.Equal("v1", api.Stage);
        Assert.EndsWith($"/_aws/execute-api/{api.Id}/v1/", api.InvokeUrl.ToString(), StringComparison.Ordinal);
    }
}
