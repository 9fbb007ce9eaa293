using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Patterns.ServiceDefaults;

namespace Functions.Pattern01;

/// <summary>The Products table: partition key <c>productId</c> (S), <c>name</c> (S), <c>price</c> (N).</summary>
internal sealed class DynamoDbProductStore(IAmazonDynamoDB dynamoDb, string tableName) : IProductStore
{
    public const string TableNameVariable = "TABLE_NAME";

    public static DynamoDbProductStore FromEnvironment()
    {
        var tableName = Environment.GetEnvironmentVariable(TableNameVariable);
        if (string.IsNullOrEmpty(tableName))
        {
            throw new InvalidOperationException(
                $"{TableNameVariable} is not set: HelloServerless keeps products in the DynamoDB table it names " +
                $"(Products in Pattern 1). Set {TableNameVariable} in the function's environment, as the app model does.");
        }

        return new DynamoDbProductStore(new AmazonDynamoDBClient(AwsClientDefaults.Configure(new AmazonDynamoDBConfig())), tableName);
    }

    public async Task<Product> CreateAsync(NewProduct product, CancellationToken cancellationToken)
    {
        var created = new Product(Guid.NewGuid().ToString(), product.Name, product.Price);
        await dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>
            {
                ["productId"] = new() { S = created.ProductId },
                ["name"] = new() { S = created.Name },
                ["price"] = new() { N = created.Price.ToString(CultureInfo.InvariantCulture) },
            },
        }, cancellationToken);
        return created;
    }

    public async Task<IReadOnlyList<Product>> ListAsync(CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = tableName, ExclusiveStartKey = startKey }, cancellationToken);
            products.AddRange((page.Items ?? []).Select(FromItem));
            startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);

        return products;
    }

    private Product FromItem(Dictionary<string, AttributeValue> item)
    {
        var id = item.TryGetValue("productId", out var key) ? key.S : null;
        var name = item.TryGetValue("name", out var nameValue) ? nameValue.S : null;
        var price = item.TryGetValue("price", out var priceValue) && decimal.TryParse(priceValue.N, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : (decimal?)null;
        return id is not null && name is not null && price is not null
            ? new Product(id, name, price.Value)
            : throw new InvalidDataException(
                $"The item '{id ?? "(no productId)"}' in table {tableName} is not a product: it needs productId and name " +
                "as strings and price as a number. Fix or delete it.");
    }
}
