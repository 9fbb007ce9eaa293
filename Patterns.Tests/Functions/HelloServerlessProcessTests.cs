using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Patterns.Tests.Functions;

/// <summary>
/// Pattern 1's handler in the real Functions process, its DynamoDB client pointed by
/// AWS_ENDPOINT_URL at a stand-in that records the calls: proves the wiring (endpoint from the
/// environment, TABLE_NAME, number attributes) without a table. The real table is exercised
/// through the whole local cloud elsewhere.
/// </summary>
public sealed class HelloServerlessProcessTests
{
    private const string Handler = "Functions::Functions.Pattern01.HelloServerless::HandleAsync";

    private readonly List<JsonObject> putItems = [];
    private readonly List<string> targets = [];

    [Fact]
    public async Task Creates_and_lists_through_the_dynamodb_endpoint_named_by_the_environment()
    {
        await using var api = await FakeRuntimeApi.StartAsync(MapDynamoDb);
        await using var function = FunctionProcess.Start(EnvironmentFor(api, tableName: "Products"));

        var created = await function.OutcomeOf(api.InvokeAsync(HelloServerlessTests.ApiEvent("POST", """{"action":"create","name":"Gadget","price":49.99}""")));
        var listed = await function.OutcomeOf(api.InvokeAsync(HelloServerlessTests.ApiEvent("GET", null)));

        var createdResponse = JsonNode.Parse(created.Body)!;
        Assert.Equal(201, createdResponse["statusCode"]!.GetValue<int>());
        var item = JsonNode.Parse(createdResponse["body"]!.GetValue<string>())!;
        var put = Assert.Single(putItems);
        Assert.Equal("Products", put["TableName"]!.GetValue<string>());
        Assert.Equal(item["productId"]!.GetValue<string>(), put["Item"]!["productId"]!["S"]!.GetValue<string>());
        Assert.Equal("Gadget", put["Item"]!["name"]!["S"]!.GetValue<string>());
        Assert.Equal("49.99", put["Item"]!["price"]!["N"]!.GetValue<string>());

        var listedResponse = JsonNode.Parse(listed.Body)!;
        Assert.Equal(200, listedResponse["statusCode"]!.GetValue<int>());
        Assert.Equal($"[{createdResponse["body"]!.GetValue<string>()}]", listedResponse["body"]!.GetValue<string>());
        Assert.Equal(["DynamoDB_20120810.PutItem", "DynamoDB_20120810.Scan"], targets);
        Assert.Contains($"Created product {item["productId"]}", function.StandardOutput);
        Assert.Contains("Listed 1 products", function.StandardOutput);
    }

    [Fact]
    public async Task Without_TABLE_NAME_it_fails_to_initialize_saying_so()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(EnvironmentFor(api, tableName: null));

        var initError = await api.InitError.WaitAsync(FunctionProcess.Patience);

        Assert.Equal("System.InvalidOperationException", initError.ErrorTypeHeader);
        Assert.Contains("TABLE_NAME is not set", JsonNode.Parse(initError.Body)!["errorMessage"]!.GetValue<string>());
        Assert.NotEqual(0, await function.WaitForExitAsync(FunctionProcess.Patience));
    }

    private static Dictionary<string, string?> EnvironmentFor(FakeRuntimeApi api, string? tableName)
    {
        var environment = FunctionProcess.EnvironmentFor(api, Handler);
        environment["AWS_ENDPOINT_URL"] = $"http://{api.Address}";
        environment["AWS_REGION"] = "us-east-1";
        environment["AWS_ACCESS_KEY_ID"] = "test";
        environment["AWS_SECRET_ACCESS_KEY"] = "test";
        environment["TABLE_NAME"] = tableName;
        return environment;
    }

    /// <summary>PutItem and Scan over the DynamoDB JSON protocol, enough for the handler.</summary>
    private void MapDynamoDb(IEndpointRouteBuilder endpoints) => endpoints.MapPost("/", async context =>
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var request = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        JsonObject answer;
        lock (putItems)
        {
            targets.Add(target);
            if (target.EndsWith(".PutItem", StringComparison.Ordinal))
            {
                putItems.Add(request);
                answer = [];
            }
            else
            {
                var items = new JsonArray(putItems.Select(put => put["Item"]!.DeepClone()).ToArray());
                answer = new JsonObject { ["Items"] = items, ["Count"] = items.Count, ["ScannedCount"] = items.Count };
            }
        }

        context.Response.ContentType = "application/x-amz-json-1.0";
        await context.Response.WriteAsync(answer.ToJsonString());
    });
}
