using System.Net;
using System.Text.Json;
using Patterns.AwsClients.ApiGateway;
using Patterns.AwsClients.Core;

namespace Patterns.Tests.AwsClients;

/// <summary>The API Gateway client's authorizer calls and a method's authorizer on the wire (camelCase, "providerARNs", "item").</summary>
public sealed class ApiGatewayAuthorizerTests
{
    private static readonly AwsClientOptions Options = new()
    {
        Endpoint = new Uri("http://127.0.0.1:4566"),
        Region = "eu-west-1",
        Credentials = AwsCredentials.Test,
    };

    private const string LambdaUri = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:Authorize/invocations";

    [Fact]
    public async Task CreateAuthorizer_posts_a_TOKEN_authorizer_and_reads_it_back()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.Created, $$"""
            {"id":"az1","name":"token","type":"TOKEN","authorizerUri":"{{LambdaUri}}","identitySource":"method.request.header.Authorization",
             "identityValidationExpression":"^Bearer .+$","authorizerResultTtlInSeconds":300}
            """);
        using var client = new ApiGatewayClient(Options, new HttpClient(handler));

        var authorizer = await client.CreateAuthorizerAsync(new CreateAuthorizerRequest("api1", "token", "TOKEN")
        {
            AuthorizerUri = LambdaUri,
            IdentitySource = "method.request.header.Authorization",
            IdentityValidationExpression = "^Bearer .+$",
            AuthorizerResultTtlInSeconds = 300,
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/restapis/api1/authorizers"), (request.Method, request.Uri.AbsolutePath));
        Assert.Equal(
            $$"""{"name":"token","type":"TOKEN","authorizerUri":"{{LambdaUri}}","identitySource":"method.request.header.Authorization","identityValidationExpression":"^Bearer .\u002B$","authorizerResultTtlInSeconds":300}""",
            request.Body);
        Assert.Equal(("az1", "TOKEN", 300), (authorizer.Id, authorizer.Type, authorizer.AuthorizerResultTtlInSeconds));
        Assert.Equal(LambdaUri, authorizer.AuthorizerUri);
    }

    [Fact]
    public async Task A_Cognito_authorizer_sends_its_pools_as_providerARNs()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.Created, """{"id":"az2","name":"users","type":"COGNITO_USER_POOLS","providerARNs":["arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_a"]}""");
        using var client = new ApiGatewayClient(Options, new HttpClient(handler));

        var authorizer = await client.CreateAuthorizerAsync(new CreateAuthorizerRequest("api1", "users", "COGNITO_USER_POOLS")
        {
            ProviderARNs = ["arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_a"],
            IdentitySource = "method.request.header.Authorization",
        });

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_a", body.RootElement.GetProperty("providerARNs")[0].GetString());
        Assert.Equal(["arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_a"], authorizer.ProviderARNs!);
    }

    [Fact]
    public async Task Authorizers_are_listed_from_item_and_got_updated_and_deleted_by_id()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, """{"item":[{"id":"az1","name":"token","type":"TOKEN"}],"position":"p2"}""")
            .Reply(HttpStatusCode.OK, """{"item":[{"id":"az2","name":"request","type":"REQUEST","identitySource":"method.request.header.X-Tenant"}]}""")
            .Reply(HttpStatusCode.OK, """{"id":"az1","name":"token","type":"TOKEN"}""")
            .Reply(HttpStatusCode.OK, """{"id":"az1","name":"token","type":"TOKEN","authorizerResultTtlInSeconds":0}""")
            .Reply(HttpStatusCode.Accepted, "");
        using var client = new ApiGatewayClient(Options, new HttpClient(handler));

        var all = await client.GetAllAuthorizersAsync("api1");
        await client.GetAuthorizerAsync("api1", "az1");
        var updated = await client.UpdateAuthorizerAsync(new UpdateAuthorizerRequest("api1", "az1", [new PatchOperation("replace", "/authorizerResultTtlInSeconds", "0")]));
        await client.DeleteAuthorizerAsync("api1", "az1");

        Assert.Equal(["az1", "az2"], all.Select(a => a.Id));
        Assert.Equal(
            [
                ("GET", "/restapis/api1/authorizers?limit=500", ""),
                ("GET", "/restapis/api1/authorizers?limit=500&position=p2", ""),
                ("GET", "/restapis/api1/authorizers/az1", ""),
                ("PATCH", "/restapis/api1/authorizers/az1", """{"patchOperations":[{"op":"replace","path":"/authorizerResultTtlInSeconds","value":"0"}]}"""),
                ("DELETE", "/restapis/api1/authorizers/az1", ""),
            ],
            handler.Requests.Select(r => (r.Method, r.Uri.PathAndQuery, r.Body)));
        Assert.Equal(0, updated.AuthorizerResultTtlInSeconds);
    }

    [Fact]
    public async Task PutMethod_names_its_authorizer_and_scopes_and_the_method_reads_them_back()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.Created, """
            {"httpMethod":"GET","authorizationType":"COGNITO_USER_POOLS","authorizerId":"az2","authorizationScopes":["orders/read"],"apiKeyRequired":false}
            """);
        using var client = new ApiGatewayClient(Options, new HttpClient(handler));

        var method = await client.PutMethodAsync(new PutMethodRequest("api1", "res1", "GET", "COGNITO_USER_POOLS")
        {
            AuthorizerId = "az2",
            AuthorizationScopes = ["orders/read"],
        });

        Assert.Equal("""{"authorizationType":"COGNITO_USER_POOLS","authorizerId":"az2","authorizationScopes":["orders/read"]}""", Assert.Single(handler.Requests).Body);
        Assert.Equal(("COGNITO_USER_POOLS", "az2"), (method.AuthorizationType, method.AuthorizerId));
        Assert.Equal(["orders/read"], method.AuthorizationScopes!);
    }
}
