using Amazon;
using Amazon.DynamoDBv2;
using Patterns.ServiceDefaults;

namespace Patterns.Tests.Functions;

public sealed class AwsClientDefaultsTests
{
    [Fact]
    public void Takes_the_region_from_AWS_REGION()
    {
        var config = AwsClientDefaults.Configure(new AmazonDynamoDBConfig(), Environment(("AWS_REGION", "eu-west-3"), ("AWS_DEFAULT_REGION", "us-west-2")));

        Assert.Equal(RegionEndpoint.EUWest3, config.RegionEndpoint);
    }

    [Fact]
    public void Falls_back_to_AWS_DEFAULT_REGION()
    {
        var config = AwsClientDefaults.Configure(new AmazonDynamoDBConfig(), Environment(("AWS_DEFAULT_REGION", "us-west-2")));

        Assert.Equal(RegionEndpoint.USWest2, config.RegionEndpoint);
    }

    [Fact]
    public void Keeps_a_region_the_caller_chose()
    {
        var config = AwsClientDefaults.Configure(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.APSouth1 }, Environment(("AWS_REGION", "eu-west-3")));

        Assert.Equal(RegionEndpoint.APSouth1, config.RegionEndpoint);
    }

    [Fact]
    public void Signs_for_the_region_when_AWS_ENDPOINT_URL_points_elsewhere()
    {
        var config = AwsClientDefaults.Configure(new AmazonDynamoDBConfig(), Environment(("AWS_REGION", "eu-west-3"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")));

        Assert.Equal("eu-west-3", config.AuthenticationRegion);
    }

    [Fact]
    public void Leaves_the_signing_region_to_the_SDK_in_AWS()
    {
        var config = AwsClientDefaults.Configure(new AmazonDynamoDBConfig(), Environment(("AWS_REGION", "eu-west-3")));

        Assert.Null(config.AuthenticationRegion);
    }

    [Fact]
    public void Without_a_region_says_which_variable_to_set()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => AwsClientDefaults.Configure(new AmazonDynamoDBConfig(), Environment()));

        Assert.Contains("AWS_REGION is not set", exception.Message);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;
}
