using Patterns.AwsClients.Core;

namespace Patterns.Tests.AwsClients;

/// <summary>Endpoint, region and credentials come from options first, then the environment as the SDKs read it.</summary>
public sealed class AwsClientSettingsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_service_specific_endpoint_variable_wins_over_the_general_one()
    {
        var settings = AwsClientSettings.Resolve(
            AwsService.ApiGateway,
            new AwsClientOptions(),
            Environment(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL_API_GATEWAY", "http://127.0.0.1:5000")));

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), settings.Endpoint);
    }

    [Fact]
    public void Without_variables_the_public_endpoint_of_the_region_and_the_test_credentials_are_used()
    {
        var settings = AwsClientSettings.Resolve(AwsService.Lambda, new AwsClientOptions(), Environment(("AWS_DEFAULT_REGION", "eu-central-1")));

        Assert.Equal(new Uri("https://lambda.eu-central-1.amazonaws.com/"), settings.Endpoint);
        Assert.Equal("eu-central-1", settings.Region);
        Assert.Equal(AwsCredentials.Test, settings.Credentials);
    }

    [Fact]
    public void Explicit_options_win_over_the_environment()
    {
        var settings = AwsClientSettings.Resolve(
            AwsService.Lambda,
            new AwsClientOptions { Endpoint = new Uri("http://localhost:9/base"), Region = "ap-south-1" },
            Environment(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_REGION", "us-west-2"), ("AWS_ACCESS_KEY_ID", "AK"), ("AWS_SECRET_ACCESS_KEY", "SK"), ("AWS_SESSION_TOKEN", "ST")));

        Assert.Equal(new Uri("http://localhost:9/base/"), settings.Endpoint);
        Assert.Equal("ap-south-1", settings.Region);
        Assert.Equal(new AwsCredentials("AK", "SK", "ST"), settings.Credentials);
    }

    [Fact]
    public void A_malformed_endpoint_variable_is_reported_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            AwsClientSettings.Resolve(AwsService.Lambda, new AwsClientOptions(), Environment(("AWS_ENDPOINT_URL", "localhost:4566"))));

        Assert.Contains("AWS_ENDPOINT_URL", error.Message, StringComparison.Ordinal);
    }
}
