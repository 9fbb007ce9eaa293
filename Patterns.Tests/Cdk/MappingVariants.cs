using Patterns.Hosting.Model;

namespace Patterns.Tests.Cdk;

/// <summary>
/// A model of the mapping's other cases, beside the app's own patterns: a sort key, number and
/// binary keys, a read-only and a write-only reference, set environment, timeout and memory,
/// the root path and a greedy path, a stage other than dev, names that are not logical ids.
/// </summary>
internal static class MappingVariants
{
    public const string OrdersTable = "Orders";
    public const string AuditTable = "Audit-Log";
    public const string Function = "OrderReader";
    public const string Api = "Orders API";
    public const string Stage = "prod";

    public static AppModel Build()
    {
        var app = new AppModelBuilder();
        var orders = app.AddTable(OrdersTable, partitionKey: "customerId", sortKey: "createdAt", sortKeyType: AttributeType.Number);
        var audit = app.AddTable(AuditTable, partitionKey: "id", partitionKeyType: AttributeType.Binary);
        var reader = app.AddFunction(Function, "Functions::Functions.Variants.OrderReader::HandleAsync")
            .WithReference(orders, "ORDERS_TABLE", ResourceAccess.Read)
            .WithReference(audit, "AUDIT_TABLE", ResourceAccess.Write)
            .WithEnvironment("GREETING", "hello")
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithMemorySize(512);
        app.AddRestApi(Api, stage: Stage)
            .WithRoute("GET", "/", reader)
            .WithRoute("ANY", "/orders/{proxy+}", reader);
        return app.Build();
    }
}
