using Patterns.Hosting.Model;

namespace Patterns.AppHost.Patterns;

/// <summary>
/// Pattern 1, API-driven backend: client → API Gateway → Lambda → DynamoDB. The REST API
/// ProductsAPI (stage dev) sends GET and POST /products to HelloServerless, which reads and
/// writes the Products table.
/// </summary>
public sealed class Pattern01ApiBackend : IPattern
{
    public const string TableName = "Products";
    public const string FunctionName = "HelloServerless";
    public const string ApiName = "ProductsAPI";
    public const string Stage = "dev";

    public void Declare(AppModelBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var products = app.AddTable(TableName, partitionKey: "productId");
        var hello = app.AddFunction(FunctionName, "Functions::Functions.Pattern01.HelloServerless::HandleAsync")
            .WithReference(products, "TABLE_NAME");
        app.AddRestApi(ApiName, stage: Stage)
            .WithRoute("GET", "/products", hello)
            .WithRoute("POST", "/products", hello);
    }
}
