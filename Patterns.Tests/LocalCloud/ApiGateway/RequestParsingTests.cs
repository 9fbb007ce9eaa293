using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Patterns.LocalCloud.ApiGateway;

namespace Patterns.Tests.LocalCloud.ApiGateway;

public sealed class RequestParsingTests
{
    [Theory]
    [InlineData("/_aws/execute-api/abc123/dev/products/42?x=1", "localhost", "abc123", "dev", "/products/42", "/dev/products/42", "x=1", null)]
    [InlineData("/_aws/execute-api/abc123/dev", "localhost", "abc123", "dev", "/", "/dev", "", null)]
    [InlineData("/_aws/execute-api/abc123/dev/", "localhost", "abc123", "dev", "/", "/dev/", "", null)]
    [InlineData("/_aws/execute-api/abc123", "localhost", "abc123", "", "/", "/", "", null)]
    [InlineData("/restapis/abc123/dev/_user_request_/products/a%20b", "localhost", "abc123", "dev", "/products/a%20b", "/dev/products/a%20b", "", null)]
    [InlineData("/restapis/abc123/dev/_user_request_", "localhost", "abc123", "dev", "/", "/dev", "", null)]
    [InlineData("/dev/products?q=a+b", "abc123.execute-api.localhost", "abc123", "dev", "/products", "/dev/products", "q=a+b", "abc123.execute-api.localhost")]
    [InlineData("/", "abc123.execute-api.localhost", "abc123", "", "/", "/", "", "abc123.execute-api.localhost")]
    public void Reads_the_api_stage_and_path_of_every_invoke_url_form(
        string rawTarget, string host, string apiId, string stage, string resourcePath, string stagePath, string query, string? targetHost)
    {
        var target = InvokeUrlParser.Parse(Request(rawTarget, host));

        Assert.Equal(new InvokeTarget(apiId, stage, resourcePath, stagePath, query, targetHost), target);
    }

    [Theory]
    [InlineData("/_aws/execute-api/", "localhost")]
    [InlineData("/restapis/abc123/resources", "localhost")]
    [InlineData("/other", "localhost")]
    public void A_url_that_names_no_api_has_no_target(string rawTarget, string host)
    {
        Assert.Null(InvokeUrlParser.Parse(Request(rawTarget, host)));
    }

    [Fact]
    public void Query_strings_are_form_decoded_in_order_with_every_value_kept()
    {
        var parameters = QueryStringParser.Parse("b=2&a=x+y%21&b=3&flag&&empty=&%E2%82%AC=%E2%82%AC");

        Assert.Equal(
            ["b=2,3", "a=x y!", "flag=", "empty=", "€=€"],
            parameters.Select(parameter => $"{parameter.Key}={string.Join(',', parameter.Value)}"));
    }

    [Theory]
    [InlineData("image/png", "image/png", true)]
    [InlineData("IMAGE/PNG; q=1", "image/png", true)]
    [InlineData("image/jpeg", "image/*", true)]
    [InlineData("text/plain", "image/*", false)]
    [InlineData("text/plain", "*/*", true)]
    [InlineData(null, "*/*", true)]
    [InlineData(null, "image/png", false)]
    [InlineData("application/json", "", false)]
    public void Binary_media_types_match_exactly_or_by_wildcard(string? mediaType, string binaryMediaTypes, bool binary)
    {
        var types = binaryMediaTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(binary, MediaTypeMatcher.IsBinary(mediaType, types));
    }

    [Fact]
    public void Only_the_first_accepted_type_counts()
    {
        Assert.Equal("image/png", MediaTypeMatcher.FirstAccepted("image/png, application/json;q=0.9"));
        Assert.Null(MediaTypeMatcher.FirstAccepted(null));
    }

    [Fact]
    public void A_lambda_integration_uri_names_its_function_with_stage_variables_substituted()
    {
        const string uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:orders:${stageVariables.alias}/invocations";

        Assert.Equal(
            "arn:aws:lambda:us-east-1:000000000000:function:orders:live",
            LambdaIntegrationUri.FunctionArn(uri, new Dictionary<string, string> { ["alias"] = "live" }));
        Assert.Null(LambdaIntegrationUri.FunctionArn("https://example.com/orders", null));
    }

    private static HttpRequest Request(string rawTarget, string host)
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        context.Request.Host = new HostString(host);
        return context.Request;
    }
}
