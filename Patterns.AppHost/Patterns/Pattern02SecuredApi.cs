using Patterns.Hosting.Model;

namespace Patterns.AppHost.Patterns;

/// <summary>
/// Pattern 2, secured API: client → Cognito (JWT) → API Gateway (Lambda authorizer) → Lambda →
/// DynamoDB. SecuredProductsAPI (stage dev) serves Pattern 1's routes and function behind
/// JWTAuthorizer, a TOKEN authorizer that checks the caller's Cognito JWT against the
/// ProductsUserPool's keys; ProductsAPI stays open beside it.
/// </summary>
public sealed class Pattern02SecuredApi : IPattern
{
    public const string UserPoolName = "ProductsUserPool";
    public const string ClientName = "ProductsApp";
    public const string AuthorizerFunctionName = "TokenAuthorizer";
    public const string AuthorizerName = "JWTAuthorizer";
    public const string ApiName = "SecuredProductsAPI";
    public const string Stage = "dev";

    public static TimeSpan AuthorizerTtl { get; } = TimeSpan.FromSeconds(300);

    public void Declare(AppModelBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var hello = app.Find<Function>(Pattern01ApiBackend.FunctionName);
        if (hello is null)
        {
            new Pattern01ApiBackend().Declare(app);
            hello = app.Find<Function>(Pattern01ApiBackend.FunctionName)!;
        }

        var pool = app.AddUserPool(UserPoolName);
        var client = app.AddUserPoolClient(ClientName, pool);
        var authorizer = app.AddFunction(AuthorizerFunctionName, "Functions::Functions.Pattern02.TokenAuthorizer::HandleAsync")
            .WithReference(pool, "USER_POOL_ID", ResourceAccess.Read)
            .WithReference(client, "APP_CLIENT_ID", ResourceAccess.Read);
        app.AddRestApi(ApiName, stage: Stage)
            .WithTokenAuthorizer(AuthorizerName, authorizer, header: "Authorization", resultTtl: AuthorizerTtl)
            .WithRoute("GET", "/products", hello, AuthorizerName)
            .WithRoute("POST", "/products", hello, AuthorizerName);
    }
}
