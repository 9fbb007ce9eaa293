using System.Text;
using System.Text.Json;
using Functions.ApiGateway;
using Functions.Runtime;
using Functions.Runtime.Handlers;

namespace Functions.Pattern01;

/// <summary>
/// Pattern 1's function, <c>Functions::Functions.Pattern01.HelloServerless::HandleAsync</c>. One
/// function, three ways in, as the workshop builds it step by step:
/// <list type="bullet">
/// <item>API Gateway proxy events (they carry <c>httpMethod</c>): <c>GET /products</c> lists,
/// <c>POST /products</c> creates; bad input is a 400 naming what was wrong, never a 500.</item>
/// <item>A direct invoke with <c>action</c> <c>create</c> or <c>list</c>, as in the workshop's step 2.</item>
/// <item>A direct invoke without <c>action</c> greets, as in step 1: <c>{"name":"Trainee"}</c>.</item>
/// </list>
/// </summary>
public sealed class HelloServerless
{
    private const string ProductsResource = "/products";

    private static readonly IReadOnlyDictionary<string, string> JsonHeaders =
        new Dictionary<string, string> { ["Content-Type"] = "application/json" }.AsReadOnly();

    private readonly IProductStore products;
    private readonly JsonSerializerOptions json = LambdaJson.CreateOptions();

    public HelloServerless()
        : this(DynamoDbProductStore.FromEnvironment())
    {
    }

    internal HelloServerless(IProductStore products) => this.products = products;

    public async Task<ApiGatewayProxyResponse> HandleAsync(JsonElement request, ILambdaContext context)
    {
        using var timeout = new CancellationTokenSource(context.RemainingTime);
        if (request.ValueKind != JsonValueKind.Object)
        {
            return Reject(context, "invoke", $"The event must be a JSON object; got {NewProductReader.KindOf(request)}.", headers: null);
        }

        return request.TryGetProperty("httpMethod", out _)
            ? await HandleApiRequestAsync(request, context, timeout.Token)
            : await HandleDirectInvokeAsync(request, context, timeout.Token);
    }

    private async Task<ApiGatewayProxyResponse> HandleApiRequestAsync(JsonElement request, ILambdaContext context, CancellationToken cancellationToken)
    {
        var method = StringOf(request, "httpMethod") ?? string.Empty;
        var resource = StringOf(request, "resource") ?? StringOf(request, "path") ?? string.Empty;
        var route = $"{method} {resource}";
        if (!string.Equals(resource.TrimEnd('/'), ProductsResource, StringComparison.Ordinal))
        {
            return Respond(context, 404, new MessageBody($"No route for {route}; this API serves GET and POST {ProductsResource}."), JsonHeaders, $"Rejected {route}: no such route");
        }

        switch (method)
        {
            case "GET":
                return await ListAsync(context, JsonHeaders, cancellationToken);
            case "POST":
                if (!TryReadBody(request, out var body, out var bodyProblem))
                {
                    return Reject(context, route, bodyProblem, JsonHeaders);
                }

                if (body.TryGetProperty("action", out var action) && !(action.ValueKind == JsonValueKind.String && action.GetString() == "create"))
                {
                    return Reject(context, route, $"action must be \"create\" on POST {ProductsResource} (or left out); got {NewProductReader.KindOf(action)}.", JsonHeaders);
                }

                return await CreateAsync(body, context, route, JsonHeaders, cancellationToken);
            default:
                var headers = new Dictionary<string, string>(JsonHeaders) { ["Allow"] = "GET, POST" };
                return Respond(context, 405, new MessageBody($"Method {method} is not allowed on {ProductsResource}; use GET or POST."), headers, $"Rejected {route}: method not allowed");
        }
    }

    private async Task<ApiGatewayProxyResponse> HandleDirectInvokeAsync(JsonElement request, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (!request.TryGetProperty("action", out var action) || action.ValueKind == JsonValueKind.Null)
        {
            var name = request.TryGetProperty("name", out var value) && value.ValueKind != JsonValueKind.Null
                ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
                : "World";
            return Respond(context, 200, new MessageBody($"Hello, {name}! Welcome to Serverless."), headers: null, $"Greeted {name}");
        }

        return (action.ValueKind == JsonValueKind.String ? action.GetString() : null) switch
        {
            "create" => await CreateAsync(request, context, "create", headers: null, cancellationToken),
            "list" => await ListAsync(context, headers: null, cancellationToken),
            _ => Reject(context, "invoke", $"action must be \"create\" or \"list\", or left out for a greeting; got {NewProductReader.KindOf(action)}.", headers: null),
        };
    }

    private async Task<ApiGatewayProxyResponse> CreateAsync(
        JsonElement source, ILambdaContext context, string what, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        if (!NewProductReader.TryRead(source, out var product, out var problem))
        {
            return Reject(context, what, problem, headers);
        }

        var created = await products.CreateAsync(product, cancellationToken);
        return Respond(context, 201, created, headers, $"Created product {created.ProductId}");
    }

    private async Task<ApiGatewayProxyResponse> ListAsync(ILambdaContext context, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        var items = await products.ListAsync(cancellationToken);
        return Respond(context, 200, items, headers, $"Listed {items.Count} products");
    }

    /// <summary>The proxy event's body as a JSON object: absent, base64, malformed and non-object bodies are the caller's mistakes.</summary>
    private static bool TryReadBody(JsonElement request, out JsonElement body, out string problem)
    {
        body = default;
        problem = $"The request body is missing: send a JSON object such as {{\"name\":\"Gadget\",\"price\":49.99}}.";
        var text = StringOf(request, "body");
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (request.TryGetProperty("isBase64Encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True)
        {
            try
            {
                text = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            }
            catch (FormatException)
            {
                problem = "The request body is marked base64-encoded but is not valid base64.";
                return false;
            }
        }

        try
        {
            body = JsonSerializer.Deserialize(text, FunctionsJsonContext.Default.JsonElement);
        }
        catch (JsonException exception)
        {
            problem = $"The request body is not valid JSON: {exception.Message}";
            return false;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            problem = $"The request body must be a JSON object with name and price; got {NewProductReader.KindOf(body)}.";
            return false;
        }

        return true;
    }

    private ApiGatewayProxyResponse Reject(ILambdaContext context, string what, string problem, IReadOnlyDictionary<string, string>? headers) =>
        Respond(context, 400, new MessageBody(problem), headers, $"Rejected {what}: {problem}");

    private ApiGatewayProxyResponse Respond<T>(ILambdaContext context, int statusCode, T body, IReadOnlyDictionary<string, string>? headers, string logLine)
    {
        context.Logger.LogLine(logLine);
        return new ApiGatewayProxyResponse(statusCode, headers, JsonSerializer.Serialize(body, json.TypeInfo<T>()));
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
