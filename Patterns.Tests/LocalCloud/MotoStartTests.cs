using Amazon.DynamoDBv2.Model;
using Patterns.Hosting.Local;
using Patterns.LocalCloud;

namespace Patterns.Tests.LocalCloud;

/// <summary>What moto's start keeps across runs: botocore's parsed data and services' regions, in the state directory.</summary>
public sealed class MotoStartTests
{
    [Fact]
    public async Task Botocore_data_is_kept_in_the_state_directory_and_read_back_by_the_next_start()
    {
        var state = Directory.CreateTempSubdirectory("state").FullName;
        var options = new LocalCloudOptions { EdgePort = 0, Log = null, StateDirectory = state };

        await ListTablesOnAFreshCloudAsync(options);
        var kept = KeptFiles(state);
        Assert.Contains(kept.Keys, name => Path.GetFileName(name).StartsWith("data-", StringComparison.Ordinal));
        Assert.Contains(kept.Keys, name => Path.GetFileName(name).StartsWith("services-", StringComparison.Ordinal));
        Assert.Contains(kept.Keys, name => Path.GetFileName(name).StartsWith("regions-", StringComparison.Ordinal));

        await ListTablesOnAFreshCloudAsync(options);

        // A file parsed again would have been written again; what the first run kept was read as it is.
        var after = KeptFiles(state);
        foreach (var (name, written) in kept)
            Assert.Equal((name, written), (name, after[name]));
    }

    [Fact]
    public async Task A_kept_file_that_cannot_be_read_is_parsed_again_and_replaced()
    {
        var state = Directory.CreateTempSubdirectory("state").FullName;
        var options = new LocalCloudOptions { EdgePort = 0, Log = null, StateDirectory = state };
        await ListTablesOnAFreshCloudAsync(options);
        var garbage = "not a pickle"u8.ToArray();
        foreach (var name in KeptFiles(state).Keys)
            await File.WriteAllBytesAsync(name, garbage);

        await ListTablesOnAFreshCloudAsync(options);

        Assert.Contains(KeptFiles(state).Keys, name => !File.ReadAllBytes(name).AsSpan().SequenceEqual(garbage));
    }

    private static async Task ListTablesOnAFreshCloudAsync(LocalCloudOptions options)
    {
        await using var cloud = await LocalCloudHost.StartAsync(options);
        using var dynamoDb = EdgeClients.CreateDynamoDbClient(cloud.EdgeUrl, options.Region);
        var tables = await dynamoDb.ListTablesAsync(new ListTablesRequest());
        Assert.Empty(tables.TableNames ?? []);
    }

    private static Dictionary<string, DateTime> KeptFiles(string state) =>
        Directory.EnumerateFiles(Path.Combine(state, "moto-cache"), "*", SearchOption.AllDirectories)
            .ToDictionary(name => name, File.GetLastWriteTimeUtc, StringComparer.Ordinal);
}
