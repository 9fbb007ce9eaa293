using Amazon.DynamoDBv2.Model;
using Patterns.Hosting.Local;
using Patterns.LocalCloud;

namespace Patterns.Tests.LocalCloud;

/// <summary>
/// What moto's start keeps across runs (botocore's parsed data and services' regions, in the state
/// directory), and what it defers without changing moto's behaviour.
/// </summary>
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

    [Fact]
    public async Task Calls_are_checked_against_IAM_once_moto_is_told_to_check_them()
    {
        await using var cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = 0, Log = null });
        using var dynamoDb = EdgeClients.CreateDynamoDbClient(cloud.EdgeUrl, "us-east-1");
        await dynamoDb.ListTablesAsync(new ListTablesRequest());

        // moto's switch: check every call from now on. The edge's test credentials name no IAM user.
        using var http = new HttpClient();
        using var reset = await http.PostAsync(new Uri(cloud.EdgeUrl, "moto-api/reset-auth"), new StringContent("0"));
        reset.EnsureSuccessStatusCode();

        var refused = await Assert.ThrowsAnyAsync<Amazon.Runtime.AmazonServiceException>(() => dynamoDb.ListTablesAsync(new ListTablesRequest()));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
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
