using Patterns.AwsClients.CloudFormation;
using Patterns.AwsClients.Core;
using Patterns.Tests.Support;

namespace Patterns.Tests.AwsClients;

/// <summary>The CloudFormation client against moto's CloudFormation behind a local edge.</summary>
public sealed class CloudFormationMotoTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private CloudFormationClient Client() =>
        new(new AwsClientOptions { Endpoint = fixture.Cloud.EdgeUrl, Region = "us-east-1", Credentials = AwsCredentials.Test });

    [Fact]
    public async Task DescribeStacks_reads_a_created_stacks_status_and_outputs()
    {
        await OutputsOnlyStack.CreateAsync(fixture.Cloud.EdgeUrl, "ClientOutputs", new Dictionary<string, string>
        {
            ["ProductsTableName"] = "ClientOutputs-Products-1",
            ["ProductsAPIUrl"] = "https://abc.execute-api.us-east-1.amazonaws.com/dev/",
        });
        using var client = Client();

        var stack = await client.DescribeStackAsync("ClientOutputs");
        var all = await client.DescribeStacksAsync();

        Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
        Assert.StartsWith("arn:aws:cloudformation:us-east-1:", stack.StackId, StringComparison.Ordinal);
        Assert.Equal("ClientOutputs-Products-1", stack.Output("ProductsTableName"));
        Assert.Equal("https://abc.execute-api.us-east-1.amazonaws.com/dev/", stack.Output("ProductsAPIUrl"));
        Assert.Contains(all.Stacks, s => s.StackId == stack.StackId);
    }

    [Fact]
    public async Task A_missing_stack_answers_ValidationError()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeStackAsync("NoSuchStack"));

        Assert.Equal(("ValidationError", 400), (error.ErrorCode, error.StatusCode));
        Assert.Contains("NoSuchStack", error.ServiceMessage, StringComparison.Ordinal);
        Assert.True(CloudFormationClient.IsStackMissing(error));
    }
}
