using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Patterns.LocalCloud;

namespace Patterns.Benchmarks;

/// <summary>The edge's proxy overhead: DynamoDB GetItem through the edge against the same call straight to moto.</summary>
internal static class DynamoDbBench
{
    private const int Warmup = 100;
    private const int Count = 1000;

    public static async Task RunAsync(LocalCloudHost cloud)
    {
        using var viaEdge = Client(cloud.EdgeUrl);
        using var direct = Client(cloud.MotoUrl);
        await viaEdge.CreateTableAsync(new CreateTableRequest
        {
            TableName = "BenchItems",
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        await viaEdge.PutItemAsync("BenchItems", new Dictionary<string, AttributeValue> { ["id"] = new("one"), ["name"] = new("Gadget") });

        // Alternate the two so that both see the same machine state.
        var edge = new Samples("GetItem through the edge");
        var moto = new Samples("GetItem directly against moto");
        for (var i = 0; i < Warmup + Count; i++)
        {
            var a = await TimeAsync(viaEdge);
            var b = await TimeAsync(direct);
            if (i < Warmup)
                continue;
            edge.Add(a);
            moto.Add(b);
        }

        Report.Section("DynamoDB through the edge vs moto directly");
        Report.Line(moto);
        Report.Line(edge);
        Report.Ratio("edge / direct (p50)", edge.P50, moto.P50, 1.15);
        Report.Ratio("edge / direct (p99)", edge.P99, moto.P99);
    }

    private static async Task<TimeSpan> TimeAsync(AmazonDynamoDBClient client)
    {
        var start = Stopwatch.GetTimestamp();
        await client.GetItemAsync("BenchItems", new Dictionary<string, AttributeValue> { ["id"] = new("one") });
        return Stopwatch.GetElapsedTime(start);
    }

    private static AmazonDynamoDBClient Client(Uri endpoint) =>
        new(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1" });
}
