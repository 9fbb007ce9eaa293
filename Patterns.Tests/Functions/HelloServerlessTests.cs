using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Functions.ApiGateway;
using Functions.Pattern01;
using Functions.Runtime.Handlers;

namespace Patterns.Tests.Functions;

/// <summary>Pattern 1's handler without a table: greeting, routing and validation.</summary>
public sealed class HelloServerlessTests
{
    private readonly InMemoryProductStore store = new();

    [Fact]
    public async Task Greets_on_a_direct_invoke_exactly_as_the_workshop_shows()
    {
        var response = await HandleAsync("""{"name":"Trainee"}""");

        Assert.Equal("""{"statusCode":200,"body":"{\"message\":\"Hello, Trainee! Welcome to Serverless.\"}"}""", Wire(response));
    }

    [Fact]
    public async Task Greets_the_world_when_no_name_is_given()
    {
        var response = await HandleAsync("{}");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"message":"Hello, World! Welcome to Serverless."}""", response.Body);
    }

    [Fact]
    public async Task Creates_a_product_from_a_POST_and_answers_201_with_the_item()
    {
        var response = await HandleAsync(ApiEvent("POST", """{"action":"create","name":"Gadget","price":49.99}"""));

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("application/json", response.Headers!["Content-Type"]);
        var item = JsonNode.Parse(response.Body)!.AsObject();
        Assert.Equal(["productId", "name", "price"], item.Select(property => property.Key));
        Assert.True(Guid.TryParse(item["productId"]!.GetValue<string>(), out _));
        Assert.Equal("Gadget", item["name"]!.GetValue<string>());
        Assert.Equal(49.99m, item["price"]!.GetValue<decimal>());
        Assert.Equal(new Product(item["productId"]!.GetValue<string>(), "Gadget", 49.99m), Assert.Single(store.Items));
    }

    [Fact]
    public async Task Creates_from_a_POST_without_action_and_from_a_base64_body()
    {
        var plain = await HandleAsync(ApiEvent("POST", """{"name":"Widget","price":9.99}"""));
        var encoded = await HandleAsync(ApiEvent("POST", Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"name":"Gizmo","price":0}""")), base64: true));

        Assert.Equal(201, plain.StatusCode);
        Assert.Equal(201, encoded.StatusCode);
        Assert.Equal(["Widget", "Gizmo"], store.Items.Select(item => item.Name));
    }

    [Fact]
    public async Task Lists_products_on_GET_as_a_JSON_array()
    {
        await HandleAsync(ApiEvent("POST", """{"name":"Gadget","price":49.99}"""));

        var response = await HandleAsync(ApiEvent("GET", null));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.Headers!["Content-Type"]);
        var items = JsonNode.Parse(response.Body)!.AsArray();
        Assert.Equal("Gadget", Assert.Single(items)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_an_empty_table_as_an_empty_array()
    {
        var response = await HandleAsync(ApiEvent("GET", null));

        Assert.Equal("[]", response.Body);
    }

    [Theory]
    [InlineData(null, "body is missing")]
    [InlineData("", "body is missing")]
    [InlineData("{\"name\":\"Gadget\",", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("\"Gadget\"", "must be a JSON object")]
    [InlineData("{\"price\":1}", "name is required")]
    [InlineData("{\"name\":null,\"price\":1}", "name is required")]
    [InlineData("{\"name\":42,\"price\":1}", "name must be a string")]
    [InlineData("{\"name\":\"   \",\"price\":1}", "name must not be blank")]
    [InlineData("{\"name\":\"Gadget\"}", "price is required")]
    [InlineData("{\"name\":\"Gadget\",\"price\":\"49.99\"}", "price must be a number")]
    [InlineData("{\"name\":\"Gadget\",\"price\":true}", "price must be a number")]
    [InlineData("{\"name\":\"Gadget\",\"price\":-0.01}", "must not be negative")]
    [InlineData("{\"name\":\"Gadget\",\"price\":1e400}", "out of range")]
    [InlineData("{\"action\":\"list\",\"name\":\"Gadget\",\"price\":1}", "action must be \"create\" on POST")]
    public async Task Answers_400_naming_what_is_wrong_with_a_POST(string? body, string problem)
    {
        var response = await HandleAsync(ApiEvent("POST", body));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/json", response.Headers!["Content-Type"]);
        Assert.Contains(problem, JsonNode.Parse(response.Body)!["message"]!.GetValue<string>());
        Assert.Empty(store.Items);
    }

    [Fact]
    public async Task Answers_400_to_a_name_longer_than_an_item_should_hold()
    {
        var name = new string('x', NewProductReader.MaxNameLength + 1);

        var response = await HandleAsync(ApiEvent("POST", JsonSerializer.Serialize(new { name, price = 1 })));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("at most 256 characters", response.Body);
    }

    [Fact]
    public async Task Answers_400_to_a_body_that_claims_base64_but_is_not()
    {
        var response = await HandleAsync(ApiEvent("POST", "%%%not base64%%%", base64: true));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("not valid base64", response.Body);
    }

    [Fact]
    public async Task Answers_405_with_Allow_to_other_methods()
    {
        var response = await HandleAsync(ApiEvent("DELETE", null));

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("GET, POST", response.Headers!["Allow"]);
        Assert.Contains("Method DELETE is not allowed", response.Body);
    }

    [Fact]
    public async Task Answers_404_to_another_resource()
    {
        var response = await HandleAsync(ApiEvent("GET", null, resource: "/orders"));

        Assert.Equal(404, response.StatusCode);
        Assert.Contains("No route for GET /orders", response.Body);
    }

    [Fact]
    public async Task Creates_and_lists_on_direct_invokes_with_an_action()
    {
        var created = await HandleAsync("""{"action":"create","name":"Widget","price":9.99}""");
        var listed = await HandleAsync("""{"action":"list"}""");

        Assert.Equal(201, created.StatusCode);
        Assert.Null(created.Headers);
        Assert.Equal(9.99m, JsonNode.Parse(created.Body)!["price"]!.GetValue<decimal>());
        Assert.Equal(200, listed.StatusCode);
        Assert.Equal($"[{created.Body}]", listed.Body);
    }

    [Theory]
    [InlineData("""{"action":"create","name":"Widget"}""", "price is required")]
    [InlineData("""{"action":"delete"}""", "action must be \"create\" or \"list\"")]
    [InlineData("""{"action":7}""", "action must be \"create\" or \"list\"")]
    [InlineData("""[1]""", "The event must be a JSON object")]
    public async Task Answers_400_to_a_direct_invoke_it_cannot_serve(string @event, string problem)
    {
        var response = await HandleAsync(@event);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(problem, JsonNode.Parse(response.Body)!["message"]!.GetValue<string>());
        Assert.Empty(store.Items);
    }

    private async Task<ApiGatewayProxyResponse> HandleAsync(string @event) =>
        await new HelloServerless(store).HandleAsync(JsonDocument.Parse(@event).RootElement.Clone(), TestContexts.Create(functionName: "HelloServerless"));

    /// <summary>The response as the runtime posts it.</summary>
    private static string Wire(ApiGatewayProxyResponse response) => JsonSerializer.Serialize(response, LambdaJson.CreateOptions());

    /// <summary>A REST API proxy event (payload 1.0) as API Gateway sends it for /products.</summary>
    internal static string ApiEvent(string method, string? body, bool base64 = false, string resource = "/products") =>
        new JsonObject
        {
            ["resource"] = resource,
            ["path"] = resource,
            ["httpMethod"] = method,
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
            ["multiValueHeaders"] = new JsonObject { ["Content-Type"] = new JsonArray("application/json") },
            ["queryStringParameters"] = null,
            ["multiValueQueryStringParameters"] = null,
            ["pathParameters"] = null,
            ["stageVariables"] = null,
            ["requestContext"] = new JsonObject
            {
                ["resourcePath"] = resource,
                ["httpMethod"] = method,
                ["stage"] = "dev",
                ["requestId"] = Guid.NewGuid().ToString(),
            },
            ["body"] = body,
            ["isBase64Encoded"] = base64,
        }.ToJsonString();
}
