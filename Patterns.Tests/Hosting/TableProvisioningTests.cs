using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Patterns.Hosting.Local;
using Patterns.Hosting.Model;

namespace Patterns.Tests.Hosting;

/// <summary>Tables are created through the edge with DynamoDB's API, idempotently.</summary>
public sealed class TableProvisioningTests(ProvisioningFixture cloud) : IClassFixture<ProvisioningFixture>
{
    [Fact]
    public async Task Creates_an_on_demand_table_with_the_models_keys()
    {
        var table = new Table("Sensors-create", new KeyAttribute("sensorId"), new KeyAttribute("timestamp", AttributeType.Number));

        var provisioned = await new TableProvisioner(cloud.Clients.Tables).ProvisionAsync(table, CancellationToken.None);

        var described = (await cloud.Clients.DynamoDb.DescribeTableAsync("Sensors-create")).Table;
        Assert.Equal(TableStatus.ACTIVE, described.TableStatus);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, described.BillingModeSummary.BillingMode);
        Assert.Equal(["sensorId HASH", "timestamp RANGE"], described.KeySchema.Select(k => $"{k.AttributeName} {k.KeyType.Value}"));
        Assert.Equal(["sensorId S", "timestamp N"], described.AttributeDefinitions.Select(a => $"{a.AttributeName} {a.AttributeType.Value}").Order());
        Assert.Equal(described.TableArn, provisioned.Arn);
        Assert.Equal("Sensors-create", provisioned.Name);
    }

    [Fact]
    public async Task Provisioning_twice_keeps_the_table_and_its_items()
    {
        var table = new Table("Products-twice", new KeyAttribute("productId"));
        var provisioner = new TableProvisioner(cloud.Clients.Tables);
        var first = await provisioner.ProvisionAsync(table, CancellationToken.None);
        await cloud.Clients.DynamoDb.PutItemAsync("Products-twice", new Dictionary<string, AttributeValue> { ["productId"] = new("p1") });

        var second = await provisioner.ProvisionAsync(table, CancellationToken.None);

        Assert.Equal(first, second);
        var item = await cloud.Clients.DynamoDb.GetItemAsync("Products-twice", new Dictionary<string, AttributeValue> { ["productId"] = new("p1") });
        Assert.True(item.IsItemSet, "the item written between the two runs is still there");
    }

    [Fact]
    public async Task An_existing_table_with_other_keys_is_reported_not_replaced()
    {
        var provisioner = new TableProvisioner(cloud.Clients.Tables);
        await provisioner.ProvisionAsync(new Table("Orders-keys", new KeyAttribute("orderId")), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            provisioner.ProvisionAsync(new Table("Orders-keys", new KeyAttribute("orderId", AttributeType.Number)), CancellationToken.None));

        Assert.Contains("Orders-keys already exists with keys orderId (S, HASH)", error.Message, StringComparison.Ordinal);
        Assert.Contains("orderId (N, HASH)", error.Message, StringComparison.Ordinal);
        Assert.Contains("delete-table", error.Message, StringComparison.Ordinal);
    }
}
