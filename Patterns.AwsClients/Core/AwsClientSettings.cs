namespace Patterns.AwsClients.Core;

/// <summary><see cref="AwsClientOptions"/> with every value resolved for one service.</summary>
internal sealed record AwsClientSettings(AwsService Service, Uri Endpoint, string Region, AwsCredentials Credentials, AwsClientOptions Options)
{
    public static AwsClientSettings Resolve(AwsService service, AwsClientOptions options) =>
        Resolve(service, options, options?.Environment ?? Environment.GetEnvironmentVariable);

    internal static AwsClientSettings Resolve(AwsService service, AwsClientOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAttempts < 1)
            throw new ArgumentException($"MaxAttempts must be at least 1 (it counts the first attempt); it was {options.MaxAttempts}.", nameof(options));

        var region = options.Region
            ?? NonEmpty(environment("AWS_REGION"))
            ?? NonEmpty(environment("AWS_DEFAULT_REGION"))
            ?? "us-east-1";
        var endpoint = options.Endpoint
            ?? ParseEndpoint($"AWS_ENDPOINT_URL_{service.EnvironmentId}", environment)
            ?? ParseEndpoint("AWS_ENDPOINT_URL", environment)
            ?? new Uri($"https://{service.EndpointPrefix}.{region}.amazonaws.com/");
        return new AwsClientSettings(service, WithTrailingSlash(endpoint), region, options.Credentials ?? AwsCredentials.FromEnvironment(environment), options);
    }

    private static Uri? ParseEndpoint(string variable, Func<string, string?> environment)
    {
        var value = NonEmpty(environment(variable));
        if (value is null)
            return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"{variable} is '{value}', which is not an http(s) URL. Set it to an endpoint such as http://127.0.0.1:4566 or unset it.");
        return uri;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Request paths are appended to the endpoint; a base path (a proxy prefix) must survive that.
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
}
