using Patterns.AwsClients.Core;
using Patterns.AwsClients.DynamoDb;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>
/// Creates a model's table with CreateTable (on-demand capacity), or accepts the table that
/// is already there when its keys match, then waits for it to be ACTIVE.
/// </summary>
internal sealed class TableProvisioner(DynamoDbClient dynamoDb)
{
    private const string Active = "ACTIVE";

    private static readonly TimeSpan ActiveTimeout = TimeSpan.FromMinutes(2);

    public async Task<ProvisionedTable> ProvisionAsync(Table table, CancellationToken cancellationToken)
    {
        TableDescription description;
        try
        {
            description = await dynamoDb.CreateTableAsync(CreateRequest(table), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == "ResourceInUseException")
        {
            // It exists (an earlier run against the same endpoint): keep it if its keys are ours.
            description = await dynamoDb.DescribeTableAsync(table.Name, cancellationToken).ConfigureAwait(false);
            CheckKeys(table, description);
        }
        if (description.TableStatus != Active)
            description = await WaitUntilActiveAsync(table.Name, cancellationToken).ConfigureAwait(false);
        return new ProvisionedTable(description.TableName, description.TableArn);
    }

    internal static CreateTableRequest CreateRequest(Table table)
    {
        var keys = new List<KeyAttribute> { table.PartitionKey };
        if (table.SortKey is { } sortKey)
            keys.Add(sortKey);
        return new CreateTableRequest(
            table.Name,
            [.. keys.Select((k, i) => new KeySchemaElement(k.Name, i == 0 ? "HASH" : "RANGE"))],
            [.. keys.Select(k => new AttributeDefinition(k.Name, ScalarType(k.Type)))])
        {
            BillingMode = "PAY_PER_REQUEST",
        };
    }

    private static void CheckKeys(Table table, TableDescription existing)
    {
        var wanted = CreateRequest(table);
        string Describe(IEnumerable<KeySchemaElement> schema, IEnumerable<AttributeDefinition> definitions) =>
            string.Join(", ", schema.Select(k => $"{k.AttributeName} ({definitions.FirstOrDefault(d => d.AttributeName == k.AttributeName)?.AttributeType ?? "?"}, {k.KeyType})"));
        var want = Describe(wanted.KeySchema, wanted.AttributeDefinitions);
        var have = Describe(existing.KeySchema ?? [], existing.AttributeDefinitions ?? []);
        if (want != have)
            throw new InvalidOperationException(
                $"Table {table.Name} already exists with keys {have}, but the model declares {want}. Keys cannot change: delete the table (aws dynamodb delete-table --table-name {table.Name}) or restart the local cloud.");
    }

    private async Task<TableDescription> WaitUntilActiveAsync(string name, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + ActiveTimeout;
        while (true)
        {
            var description = await dynamoDb.DescribeTableAsync(name, cancellationToken).ConfigureAwait(false);
            if (description.TableStatus == Active)
                return description;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Table {name} is still {description.TableStatus} after {ActiveTimeout.TotalSeconds:0} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string ScalarType(AttributeType type) => type switch
    {
        AttributeType.String => "S",
        AttributeType.Number => "N",
        AttributeType.Binary => "B",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown attribute type."),
    };
}
