using System.Net;
using System.Text.Json;
using Patterns.AwsClients.ApiGateway;
using Patterns.AwsClients.Core;

namespace Patterns.Tests.AwsClients;

/// <summary>The API Gateway client's wire shapes: camelCase, "item" lists, the integration's own httpMethod.</summary>
public sealed class ApiGatewayClientTests
{
    private static readonly AwsClientOptions Options = new()
    {
        Endpoint = new Uri("http://127.0.0.1:4566"),
        Region = "eu-west-1",
        Credentials = AwsCredentials.Test,
    };

    [Fact]
    public async Task PutIntegration_sends_the_integration_method_as_httpMethod_in_the_body()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.Created, """{"type":"AWS_PROXY","httpMethod":"POST","uri":"arn:x"}""");
        using var client = new ApiGatewayClient(Options, new HttpClient(handler));

        var integration = await client.PutIntegrationAsync(new PutIntegrationRequest("api1", "res1", "GET", "AWS_PROXY")
        {
            IntegrationHttpMethod = "POST",
            Uri = "arn:x",
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/restapis/api1/resources/res1/methods/GET/integration", request.Uri.AbsolutePath);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Contains("/eu-west-1/apigateway/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("AWS_PROXY", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("POST", body.RootElement.GetProperty("httpMethod").GetString());
        Assert.False(body.RootElement.TryGetProperty("restApiId", out _), "path parameters stay out of the body");
        Assert.Equal("POST", integration.IntegrationHttpMethod);
    }

    [Fact]
    public async Task GetRestApis_reads_the_item_list_and_epoch_dates_and_follows_position()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, """{"item":[{"id":"a1","name":"One","createdDate":1795438564,"rootResourceId":"r1"}],"position":"p2"}""")
            .Reply(HttpStatusCode.OK, """{"item":[{"id":"b2","name":"Two","createdDate":1795438565.5}]}""");
        using var client = new ApiGatewayClient(Options, new HttpClient(handler));

        var apis = await client.GetAllRestApisAsync();

        Assert.Equal(["One", "Two"], apis.Select(a => a.Name));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795438564), apis[0].CreatedDate);
        Assert.Equal("r1", apis[0].RootResourceId);
        Assert.Equal("?limit=500&position=p2", handler.Requests[1].Uri.Query);
    }

    [Fact]
    public async Task A_conflict_surfaces_the_code_from_the_body()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.Conflict, """{"__type":"ConflictException","message":"Method already exists for this resource"}""");
        using var client = new ApiGatewayClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.PutMethodAsync(new PutMethodRequest("api1", "res1", "GET", "NONE")));

        Assert.Equal((409, "ConflictException", "Method already exists for this resource"), (error.StatusCode, error.ErrorCode, error.ServiceMessage));
    }
}
