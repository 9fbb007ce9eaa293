using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Patterns.AwsClients.Lambda;
using Patterns.Tests.Hosting;
using Patterns.Tests.Support;

namespace Patterns.Tests.Pattern01;

/// <summary>
/// Pattern 1's Verify steps from the seed, against the started model: the direct invoke, then
/// list / create / list through ProductsAPI, the item in DynamoDB, the function's log in
/// CloudWatch Logs; and the "bad input is a 400, never a 500" cases.
/// </summary>
public sealed class ApiBackendVerifyTests(Pattern01AppFixture fixture) : IClassFixture<Pattern01AppFixture>
{
    private HttpClient Api => fixture.App.CreateHttpClient("ProductsAPI");

    [Fact]
    public async Task Verify_steps_of_the_seed_pass()
    {
        var app = fixture.App;

        // Step 1: direct invoke greets.
        var greeting = await app.Lambda.InvokeAsync(new InvokeRequest("HelloServerless") { Payload = """{"name":"Trainee"}"""u8.ToArray() });
        Assert.Null(greeting.FunctionError);
        var greetingJson = JsonDocument.Parse(greeting.Payload).RootElement;
        Assert.Equal(200, greetingJson.GetProperty("statusCode").GetInt32());
        Assert.Equal("Hello, Trainee! Welcome to Serverless.",
            JsonDocument.Parse(greetingJson.GetProperty("body").GetString()!).RootElement.GetProperty("message").GetString());

        // List products: an empty array at first.
        using var api = Api;
        using var empty = await api.GetAsync("products");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await empty.Content.ReadAsStringAsync()).RootElement.GetArrayLength());

        // Create a product.
        using var created = await api.PostAsync("products",
            new StringContent("""{"action":"create","name":"Gadget","price":49.99}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var productId = item.GetProperty("productId").GetString()!;
        Assert.True(Guid.TryParse(productId, out _), productId);
        Assert.Equal("Gadget", item.GetProperty("name").GetString());
        Assert.Equal(49.99m, item.GetProperty("price").GetDecimal());

        // List again: the product appears.
        using var listed = await api.GetAsync("products");
        var products = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        var product = Assert.Single(products);
        Assert.Equal(productId, product.GetProperty("productId").GetString());

        // The item is persisted in DynamoDB.
        using var dynamo = app.CreateDynamoDbClient();
        var stored = await dynamo.GetItemAsync("Products", new Dictionary<string, AttributeValue> { ["productId"] = new(productId) });
        Assert.True(stored.IsItemSet);
        Assert.Equal("Gadget", stored.Item["name"].S);
        Assert.Equal("49.99", stored.Item["price"].N);

        // The execution logs are in /aws/lambda/HelloServerless.
        var messages = await Poll.UntilAsync(() => LogMessagesAsync("/aws/lambda/HelloServerless"),
            m => m.Any(x => x.Contains(productId, StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the create in the function's log");
        Assert.Contains(messages, m => m.StartsWith("REPORT RequestId: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"action\":\"create\",\"name\":\"Gadget\",", "JSON")]
    [InlineData("{\"action\":\"create\",\"price\":1}", "name")]
    [InlineData("{\"action\":\"create\",\"name\":\"   \",\"price\":1}", "name")]
    [InlineData("{\"action\":\"create\",\"name\":\"Gadget\"}", "price")]
    [InlineData("{\"action\":\"create\",\"name\":\"Gadget\",\"price\":\"cheap\"}", "price")]
    [InlineData("{\"action\":\"create\",\"name\":\"Gadget\",\"price\":-1}", "price")]
    [InlineData("[1,2,3]", "object")]
    public async Task Bad_input_is_a_400_with_a_message_never_a_500(string body, string mentioned)
    {
        using var api = Api;
        using var response = await api.PostAsync("products", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()!;
        Assert.Contains(mentioned, message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_clients_W3C_traceparent_continues_as_the_requests_X_Ray_trace()
    {
        using var api = Api;
        using var request = new HttpRequestMessage(HttpMethod.Get, "products");
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        using var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Root=1-0af76519-16cd43dd8448eb211c80319c;Parent=b7ad6b7169203331", response.Headers.GetValues("X-Amzn-Trace-Id").Single());
    }

    [Fact]
    public async Task An_unknown_route_answers_as_API_Gateway_does()
    {
        using var api = Api;
        using var response = await api.GetAsync("no-such-resource");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Missing Authentication Token", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
    }

    private async Task<List<string>> LogMessagesAsync(string group)
    {
        using var edge = new HttpClient { BaseAddress = fixture.App.EdgeUrl };
        return await CloudWatchLogs.MessagesAsync(edge, group);
    }
}
