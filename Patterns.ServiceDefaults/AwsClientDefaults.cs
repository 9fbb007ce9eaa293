using Amazon;
using Amazon.Runtime;

namespace Patterns.ServiceDefaults;

/// <summary>
/// The configuration every function gives its AWS SDK clients, so one binary talks to the local
/// edge here and to AWS when deployed:
/// <code>new AmazonDynamoDBClient(AwsClientDefaults.Configure(new AmazonDynamoDBConfig()))</code>
/// The endpoint needs nothing from us: AWSSDK.Core 4 reads <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> and
/// <c>AWS_ENDPOINT_URL</c> itself when the client is created (the local host sets them; AWS does
/// not). What this adds is the region, from the variables Lambda sets, with a clear error when
/// there is none: the SDK would otherwise go on to profiles and the instance metadata service,
/// which outside AWS fails only after its timeouts. Where <c>AWS_ENDPOINT_URL</c> points the
/// client elsewhere, the signing region is that region too: the SDK would otherwise work it out
/// from the endpoint's host name, with a regular expression compiled at the first call (some 20 ms
/// of a cold start), and find none in 127.0.0.1.
/// </summary>
public static class AwsClientDefaults
{
    public static TConfig Configure<TConfig>(TConfig config) where TConfig : ClientConfig =>
        Configure(config, Environment.GetEnvironmentVariable);

    internal static TConfig Configure<TConfig>(TConfig config, Func<string, string?> environment) where TConfig : ClientConfig
    {
        if (config.RegionEndpoint is null && string.IsNullOrEmpty(config.ServiceURL))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(RegionFrom(environment));
        }

        if (string.IsNullOrEmpty(config.AuthenticationRegion) && config.RegionEndpoint is { } region
            && !string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL")))
        {
            config.AuthenticationRegion = region.SystemName;
        }

        return config;
    }

    private static string RegionFrom(Func<string, string?> environment)
    {
        var region = environment("AWS_REGION");
        if (string.IsNullOrEmpty(region))
        {
            region = environment("AWS_DEFAULT_REGION");
        }

        return string.IsNullOrEmpty(region)
            ? throw new InvalidOperationException(
                "AWS_REGION is not set, so AWS SDK clients do not know which region to call. Lambda sets it for every " +
                "function and the local Lambda service does too; when running a handler by other means, set AWS_REGION.")
            : region;
    }
}
