using Patterns.AwsClients.ApiGateway;
using Patterns.AwsClients.Core;
using Patterns.Tests.Support;

namespace Patterns.Tests.AwsClients;

/// <summary>The API Gateway client's authorizer calls against API Gateway's control plane in a real local cloud (moto behind the edge).</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class ApiGatewayAuthorizerLocalCloudTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task An_authorizer_is_created_used_by_a_method_updated_listed_and_deleted()
    {
        using var apiGateway = new ApiGatewayClient(new AwsClientOptions { Endpoint = fixture.Cloud.EdgeUrl, Region = "us-east-1", Credentials = AwsCredentials.Test });
        var api = await apiGateway.CreateRestApiAsync(new CreateRestApiRequest(UniqueName.For("orders-api")));
        const string uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Authorize/invocations";

        var created = await apiGateway.CreateAuthorizerAsync(new CreateAuthorizerRequest(api.Id, "token", "TOKEN")
        {
            AuthorizerUri = uri,
            IdentitySource = "method.request.header.Authorization",
            AuthorizerResultTtlInSeconds = 300,
        });
        var method = await apiGateway.PutMethodAsync(new PutMethodRequest(api.Id, api.RootResourceId!, "GET", "CUSTOM") { AuthorizerId = created.Id });
        var updated = await apiGateway.UpdateAuthorizerAsync(new UpdateAuthorizerRequest(api.Id, created.Id, [new PatchOperation("replace", "/authorizerResultTtlInSeconds", "0")]));
        var listed = await apiGateway.GetAllAuthorizersAsync(api.Id);

        Assert.Equal(("token", "TOKEN", uri, "method.request.header.Authorization"), (created.Name, created.Type, created.AuthorizerUri, created.IdentitySource));
        Assert.Equal(("CUSTOM", created.Id), (method.AuthorizationType, method.AuthorizerId));
        Assert.Equal(created.Id, (await apiGateway.GetMethodAsync(api.Id, api.RootResourceId!, "GET")).AuthorizerId);
        Assert.Equal(0, updated.AuthorizerResultTtlInSeconds);
        Assert.Equal(0, (await apiGateway.GetAuthorizerAsync(api.Id, created.Id)).AuthorizerResultTtlInSeconds);
        Assert.Equal([created.Id], listed.Select(a => a.Id));

        await apiGateway.DeleteAuthorizerAsync(api.Id, created.Id);

        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => apiGateway.GetAuthorizerAsync(api.Id, created.Id));
        Assert.Equal(("NotFoundException", 404), (missing.ErrorCode, missing.StatusCode));
    }

    [Fact]
    public async Task A_Cognito_authorizer_keeps_its_pool_arns()
    {
        using var apiGateway = new ApiGatewayClient(new AwsClientOptions { Endpoint = fixture.Cloud.EdgeUrl, Region = "us-east-1", Credentials = AwsCredentials.Test });
        var api = await apiGateway.CreateRestApiAsync(new CreateRestApiRequest(UniqueName.For("users-api")));
        const string poolArn = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123xyz";

        var created = await apiGateway.CreateAuthorizerAsync(new CreateAuthorizerRequest(api.Id, "users", "COGNITO_USER_POOLS")
        {
            ProviderARNs = [poolArn],
            IdentitySource = "method.request.header.Authorization",
        });

        Assert.Equal([poolArn], (await apiGateway.GetAuthorizerAsync(api.Id, created.Id)).ProviderARNs!);
    }
}
