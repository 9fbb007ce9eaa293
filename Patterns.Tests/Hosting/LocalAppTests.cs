using System.Net;
using System.Text.Json;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Hosting.Local;

namespace Patterns.Tests.Hosting;

/// <summary>
/// Pattern 1 provisioned end to end by the orchestrator: the table, the function on the
/// Functions build, the API wired to it with invoke permissions, and a second provisioning
/// run that finds everything in place.
/// </summary>
public sealed class LocalAppTests(Pattern01AppFixture fixture) : IClassFixture<Pattern01AppFixture>
{
    [Fact]
    public async Task The_function_exists_with_the_models_configuration_on_the_Functions_build()
    {
        var functions = await fixture.App.Lambda.ListAllFunctionsAsync();

        var listed = Assert.Single(functions, f => f.FunctionName == Pattern01ApiBackend.FunctionName);
        var function = (await fixture.App.Lambda.GetFunctionAsync(listed.FunctionName)).Configuration;
        Assert.Equal("provided.al2023", function.Runtime);
        Assert.Equal("Functions::Functions.Pattern01.HelloServerless::HandleAsync", function.Handler);
        Assert.Equal(3, function.Timeout);
        Assert.Equal(128, function.MemorySize);
        Assert.Equal(new Dictionary<string, string> { ["TABLE_NAME"] = "Products" }, function.Environment!.Variables);
        Assert.Equal(listed.FunctionArn, Assert.Single(fixture.App.Resources.Functions).Arn);
    }

    [Fact]
    public async Task The_function_answers_a_direct_invoke()
    {
        var response = await fixture.App.Lambda.InvokeAsync(new Patterns.AwsClients.Lambda.InvokeRequest(Pattern01ApiBackend.FunctionName)
        {
            Payload = """{"name":"Trainee"}"""u8.ToArray(),
        });

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.FunctionError);
        Assert.Contains("Trainee", System.Text.Encoding.UTF8.GetString(response.Payload), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_exists()
    {
        using var dynamoDb = fixture.App.CreateDynamoDbClient();

        var table = (await dynamoDb.DescribeTableAsync(Pattern01ApiBackend.TableName)).Table;

        Assert.Equal("productId", Assert.Single(table.KeySchema).AttributeName);
    }

    [Fact]
    public async Task The_api_may_invoke_its_function_on_each_route()
    {
        var api = fixture.App.Resources.RestApi(Pattern01ApiBackend.ApiName);

        var policy = await fixture.App.Lambda.GetPolicyAsync(Pattern01ApiBackend.FunctionName);

        using var document = JsonDocument.Parse(policy.Policy);
        var sourceArns = document.RootElement.GetProperty("Statement").EnumerateArray()
            .Where(s => s.GetProperty("Principal").GetProperty("Service").GetString() == "apigateway.amazonaws.com")
            .Select(s => s.GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [$"arn:aws:execute-api:us-east-1:000000000000:{api.Id}/*/GET/products", $"arn:aws:execute-api:us-east-1:000000000000:{api.Id}/*/POST/products"],
            sourceArns);
    }

    [Fact]
    public async Task The_api_answers_through_the_function_on_both_invoke_urls()
    {
        using var http = fixture.App.CreateHttpClient(Pattern01ApiBackend.ApiName);
        Assert.EndsWith("/dev/", http.BaseAddress!.AbsolutePath, StringComparison.Ordinal);

        using var friendly = await http.GetAsync(new Uri("products", UriKind.Relative));
        using var userRequest = await http.GetAsync(new Uri(fixture.App.Resources.RestApi(Pattern01ApiBackend.ApiName).UserRequestUrl, "products"));

        Assert.Equal(HttpStatusCode.OK, friendly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, userRequest.StatusCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await friendly.Content.ReadAsStringAsync()).RootElement.ValueKind);
    }

    [Fact]
    public async Task Provisioning_the_running_app_again_finds_everything_in_place()
    {
        var before = fixture.App.Resources;

        var again = await fixture.App.LocalApp.ProvisionAgainAsync(CancellationToken.None);

        Assert.Equal(before.Tables.AsEnumerable(), again.Tables.AsEnumerable());
        Assert.Equal(before.Functions.AsEnumerable(), again.Functions.AsEnumerable());
        Assert.Equal(before.RestApis.AsEnumerable(), again.RestApis.AsEnumerable());
        Assert.Single(await fixture.App.Lambda.ListAllFunctionsAsync(), f => f.FunctionName == Pattern01ApiBackend.FunctionName);
        Assert.Single(await fixture.App.ApiGateway.GetAllRestApisAsync(), a => a.Name == Pattern01ApiBackend.ApiName);
        using var http = fixture.App.CreateHttpClient(Pattern01ApiBackend.ApiName);
        using var response = await http.GetAsync(new Uri("products", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void The_startup_report_lists_the_edge_every_resource_and_both_invoke_urls()
    {
        var report = new StringWriter();

        StartupReport.Write(report, fixture.App.LocalApp);

        var text = report.ToString();
        var api = fixture.App.Resources.RestApi(Pattern01ApiBackend.ApiName);
        Assert.Contains(fixture.App.EdgeUrl.ToString().TrimEnd('/'), text, StringComparison.Ordinal);
        Assert.Contains("Table     Products", text, StringComparison.Ordinal);
        Assert.Contains("Function  HelloServerless", text, StringComparison.Ordinal);
        Assert.Contains(api.InvokeUrl.ToString(), text, StringComparison.Ordinal);
        Assert.Contains(api.UserRequestUrl.ToString(), text, StringComparison.Ordinal);
        Assert.Contains("POST    /products -> HelloServerless", text, StringComparison.Ordinal);
    }
}
