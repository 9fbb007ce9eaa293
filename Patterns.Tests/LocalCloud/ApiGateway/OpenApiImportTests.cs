using System.Net;
using System.Text;
using System.Text.Json;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// ImportRestApi with failonwarnings validates the OpenAPI document, with the validator the local
/// cloud's moto loads only when a document is first validated.
/// </summary>
public sealed class OpenApiImportTests(ExecuteApiFixture fixture) : IClassFixture<ExecuteApiFixture>
{
    private const string ValidDocument = """
        {"openapi": "3.0.1",
         "info": {"title": "ImportedPets", "description": "pets", "version": "1"},
         "paths": {"/pets": {"get": {"responses": {"200": {"description": "ok"}}}}}}
        """;

    private const string InvalidDocument = """
        {"openapi": "3.0.1",
         "info": {"title": "BrokenPets", "description": "pets", "version": "1"},
         "paths": {"/pets": {"get": {"responses": "none"}}}}
        """;

    [Fact]
    public async Task An_invalid_document_is_refused_with_what_is_wrong_and_a_valid_one_becomes_an_api()
    {
        using var refused = await ImportAsync(InvalidDocument);
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{(int)refused.StatusCode}: {refusal}");
        Assert.Contains("Failed to parse the uploaded OpenAPI document", refusal, StringComparison.Ordinal);
        Assert.Contains("'none' is not of type 'object'", refusal, StringComparison.Ordinal);

        using var imported = await ImportAsync(ValidDocument);
        var api = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.IsSuccessStatusCode, $"{(int)imported.StatusCode}: {api}");
        var apiId = JsonDocument.Parse(api).RootElement.GetProperty("id").GetString();
        using var listed = await SignedAsync(HttpMethod.Get, $"/restapis/{apiId}/resources", content: null);
        using var resources = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
        var paths = resources.RootElement.GetProperty("item").EnumerateArray().Select(resource => resource.GetProperty("path").GetString()).ToList();
        Assert.Contains("/pets", paths);
    }

    [Fact]
    public async Task A_YAML_document_becomes_an_api_as_a_JSON_one_does()
    {
        // moto parses a document that is not JSON as YAML, with the YAML library the local cloud's
        // moto loads only when it is first used.
        const string document = """
            openapi: 3.0.1
            info:
              title: YamlPets
              description: pets
              version: '1'
            paths:
              /pets/{petId}:
                get:
                  responses:
                    '200':
                      description: ok
            """;
        using var imported = await SignedAsync(HttpMethod.Post, "/restapis?mode=import", new StringContent(document, Encoding.UTF8, "application/yaml"));
        var api = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.IsSuccessStatusCode, $"{(int)imported.StatusCode}: {api}");
        using var created = JsonDocument.Parse(api);
        Assert.Equal("YamlPets", created.RootElement.GetProperty("name").GetString());
        using var listed = await SignedAsync(HttpMethod.Get, $"/restapis/{created.RootElement.GetProperty("id").GetString()}/resources", content: null);
        using var resources = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
        var paths = resources.RootElement.GetProperty("item").EnumerateArray().Select(resource => resource.GetProperty("path").GetString()).ToList();
        Assert.Contains("/pets/{petId}", paths);
    }

    private Task<HttpResponseMessage> ImportAsync(string document) =>
        SignedAsync(HttpMethod.Post, "/restapis?mode=import&failonwarnings=true", new StringContent(document, Encoding.UTF8, "application/json"));

    // Signed for apigateway, as the CLI and SDKs sign it: unsigned, the edge cannot tell the service.
    private async Task<HttpResponseMessage> SignedAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=0");
        return await fixture.Edge.SendAsync(request);
    }
}
