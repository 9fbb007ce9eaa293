using Amazon.CDK.Assertions;
using Patterns.AppHost.Patterns;
using static Patterns.Tests.Cdk.Pattern01StackTests;
using static Patterns.Tests.Cdk.TemplateJson;

namespace Patterns.Tests.Cdk;

/// <summary>
/// Pattern 2 (SecuredProductsAPI → JWTAuthorizer → HelloServerless; ProductsUserPool and its
/// ProductsApp client) as the app's stack deploys it.
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class Pattern02StackTests(SynthesizedApp synthesized)
{
    private Template Template => synthesized.Template<Pattern02SecuredApi>();

    private TemplateJson Json => synthesized.Json<Pattern02SecuredApi>();

    [Fact]
    public void JWTAuthorizer_is_a_TOKEN_authorizer_of_SecuredProductsAPI_on_the_Authorization_header_cached_300_seconds_running_TokenAuthorizer()
    {
        var (apiId, _) = Json.Exactly("AWS::ApiGateway::RestApi", Pattern02SecuredApi.ApiName);
        var (functionId, _) = Json.Exactly("AWS::Lambda::Function", $"{Pattern02SecuredApi.AuthorizerFunctionName}Function");
        var (_, authorizer) = Assert.Single(Json.Resources("AWS::ApiGateway::Authorizer"));
        var properties = authorizer["Properties"]!;

        Assert.Equal(Pattern02SecuredApi.AuthorizerName, (string?)properties["Name"]);
        Assert.Equal("TOKEN", (string?)properties["Type"]);
        Assert.Equal("method.request.header.Authorization", (string?)properties["IdentitySource"]);
        Assert.Equal(300, (int?)properties["AuthorizerResultTtlInSeconds"]);
        Assert.Null(properties["IdentityValidationExpression"]);
        Assert.Equal(Ref(apiId), properties["RestApiId"]!.ToJsonString());
        var uri = properties["AuthorizerUri"]!.ToJsonString();
        Assert.Contains(GetAtt(functionId, "Arn"), uri, StringComparison.Ordinal);
        Assert.Contains("/invocations", uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_methods_of_SecuredProductsAPI_need_JWTAuthorizer_and_reach_HelloServerless_while_ProductsAPI_stays_open()
    {
        var (securedId, _) = Json.Exactly("AWS::ApiGateway::RestApi", Pattern02SecuredApi.ApiName);
        var (authorizerId, _) = Assert.Single(Json.Resources("AWS::ApiGateway::Authorizer"));
        var (helloId, _) = Json.Exactly("AWS::Lambda::Function", $"{Pattern01ApiBackend.FunctionName}Function");
        var methods = Json.Resources("AWS::ApiGateway::Method").ToList();

        var secured = methods.Where(m => (string?)m.Resource["Properties"]?["RestApiId"]?["Ref"] == securedId).ToList();
        Assert.Equal(["GET", "POST"], secured.Select(m => (string?)m.Resource["Properties"]?["HttpMethod"]).Order(StringComparer.Ordinal));
        Assert.All(secured, m =>
        {
            var properties = m.Resource["Properties"]!;
            Assert.Equal("CUSTOM", (string?)properties["AuthorizationType"]);
            Assert.Equal(Ref(authorizerId), properties["AuthorizerId"]!.ToJsonString());
            Assert.Contains(GetAtt(helloId, "Arn"), properties["Integration"]!["Uri"]!.ToJsonString(), StringComparison.Ordinal);
        });
        var open = methods.Except(secured).ToList();
        Assert.Equal(2, open.Count);
        Assert.All(open, m => Assert.Equal("NONE", (string?)m.Resource["Properties"]?["AuthorizationType"]));
    }

    [Fact]
    public void API_Gateway_may_invoke_TokenAuthorizer_only_as_JWTAuthorizer_of_SecuredProductsAPI()
    {
        var (apiId, _) = Json.Exactly("AWS::ApiGateway::RestApi", Pattern02SecuredApi.ApiName);
        var (authorizerId, _) = Assert.Single(Json.Resources("AWS::ApiGateway::Authorizer"));
        var (functionId, _) = Json.Exactly("AWS::Lambda::Function", $"{Pattern02SecuredApi.AuthorizerFunctionName}Function");

        var (_, permission) = Assert.Single(Json.Resources("AWS::Lambda::Permission"), p => (string?)p.Resource["Properties"]?["FunctionName"]?["Fn::GetAtt"]?[0] == functionId);

        var properties = permission["Properties"]!;
        Assert.Equal(("lambda:InvokeFunction", "apigateway.amazonaws.com"), ((string?)properties["Action"], (string?)properties["Principal"]));
        // arn:aws:execute-api:{region}:{account}:{api id}/authorizers/{authorizer id}
        var sourceArn = properties["SourceArn"]!.ToJsonString();
        Assert.Contains($"{Ref(apiId)},\"/authorizers/\",{Ref(authorizerId)}", sourceArn, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductsUserPool_signs_in_with_email_admits_no_self_sign_up_and_is_named_as_in_the_model()
    {
        Template.ResourceCountIs("AWS::Cognito::UserPool", 1);
        Template.HasResourceProperties("AWS::Cognito::UserPool", Props(
            ("UserPoolName", Pattern02SecuredApi.UserPoolName),
            ("UsernameAttributes", new object[] { "email" }),
            ("AutoVerifiedAttributes", new object[] { "email" }),
            ("AdminCreateUserConfig", Props(("AllowAdminCreateUserOnly", true)))));
    }

    [Fact]
    public void ProductsApp_is_a_client_of_the_pool_without_secret_or_OAuth_allowing_password_sign_in()
    {
        var (poolId, _) = Json.Exactly("AWS::Cognito::UserPool", Pattern02SecuredApi.UserPoolName);
        var (_, client) = Assert.Single(Json.Resources("AWS::Cognito::UserPoolClient"));
        var properties = client["Properties"]!;

        Assert.Equal(Pattern02SecuredApi.ClientName, (string?)properties["ClientName"]);
        Assert.Equal(Ref(poolId), properties["UserPoolId"]!.ToJsonString());
        Assert.False((bool?)properties["GenerateSecret"]);
        Assert.False((bool?)properties["AllowedOAuthFlowsUserPoolClient"]);
        Assert.Null(properties["AllowedOAuthFlows"]);
        Assert.Null(properties["CallbackURLs"]);
        Assert.Equal(
            ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"],
            properties["ExplicitAuthFlows"]!.AsArray().Select(f => (string?)f).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TokenAuthorizer_gets_the_pool_and_client_ids_and_no_permission_beyond_its_logs_and_X_Ray()
    {
        var (poolId, _) = Json.Exactly("AWS::Cognito::UserPool", Pattern02SecuredApi.UserPoolName);
        var (clientId, _) = Json.Exactly("AWS::Cognito::UserPoolClient", Pattern02SecuredApi.ClientName);
        var (_, function) = Json.Exactly("AWS::Lambda::Function", $"{Pattern02SecuredApi.AuthorizerFunctionName}Function");
        var variables = function["Properties"]!["Environment"]!["Variables"]!;
        Assert.Equal(Ref(poolId), variables["USER_POOL_ID"]!.ToJsonString());
        Assert.Equal(Ref(clientId), variables["APP_CLIENT_ID"]!.ToJsonString());

        // Read access to a pool and a client grants nothing: the keys that verify the tokens are public.
        var (roleId, _) = Json.Exactly("AWS::IAM::Role", $"{Pattern02SecuredApi.AuthorizerFunctionName}Role");
        var (logGroupId, _) = Json.Exactly("AWS::Logs::LogGroup", $"{Pattern02SecuredApi.AuthorizerFunctionName}LogGroup");
        Assert.Equal(Json.BaseGrants(logGroupId).Order(StringComparer.Ordinal), Json.Grants(roleId));
    }

    [Fact]
    public void Outputs_name_the_pool_id_the_client_id_and_the_secured_API_URL()
    {
        var (poolId, _) = Json.Exactly("AWS::Cognito::UserPool", Pattern02SecuredApi.UserPoolName);
        var (clientId, _) = Json.Exactly("AWS::Cognito::UserPoolClient", Pattern02SecuredApi.ClientName);
        var outputs = Json.Root["Outputs"]!;

        Assert.Equal(Ref(poolId), outputs["ProductsUserPoolUserPoolId"]?["Value"]?.ToJsonString());
        Assert.Equal(Ref(clientId), outputs["ProductsAppClientId"]?["Value"]?.ToJsonString());
        Assert.Contains(".execute-api.", outputs["SecuredProductsAPIUrl"]?["Value"]?.ToJsonString() ?? "", StringComparison.Ordinal);
    }
}
