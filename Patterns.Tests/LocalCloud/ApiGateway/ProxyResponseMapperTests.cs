using System.Text;
using Patterns.LocalCloud.ApiGateway;

namespace Patterns.Tests.LocalCloud.ApiGateway;

public sealed class ProxyResponseMapperTests
{
    [Theory]
    [InlineData("oops", "not JSON")]
    [InlineData("\"hello\"", "not a JSON object")]
    [InlineData("null", "not a JSON object")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("""{"statusCode":"abc"}""", "statusCode")]
    [InlineData("""{"statusCode":2000}""", "statusCode")]
    [InlineData("""{"statusCode":200.5}""", "statusCode")]
    [InlineData("""{"statusCode":true}""", "statusCode")]
    [InlineData("""{"statusCode":200,"body":{"a":1}}""", "body")]
    [InlineData("""{"statusCode":200,"body":5}""", "body")]
    [InlineData("""{"statusCode":200,"cookies":["a=1"]}""", "'cookies'")]
    [InlineData("""{"statusCode":200,"errorMessage":"boom"}""", "'errorMessage'")]
    [InlineData("""{"statusCode":200,"headers":{"X-Count":1}}""", "X-Count")]
    [InlineData("""{"statusCode":200,"headers":[]}""", "headers")]
    [InlineData("""{"statusCode":200,"multiValueHeaders":{"X-A":[{"b":1}]}}""", "X-A")]
    [InlineData("""{"statusCode":200,"isBase64Encoded":"yes"}""", "isBase64Encoded")]
    public void A_malformed_response_is_a_502_naming_what_is_wrong(string payload, string named)
    {
        var mapping = ProxyResponseMapper.Map(Encoding.UTF8.GetBytes(payload), decodeBinaryBody: false);

        Assert.Null(mapping.Response);
        Assert.Equal(502, mapping.FailureStatusCode);
        Assert.Contains(named, mapping.Problem);
    }

    [Theory]
    [InlineData("{}", 200, "")]
    [InlineData("""{"statusCode":null,"body":null,"headers":null}""", 200, "")]
    [InlineData("""{"statusCode":"404","body":"gone"}""", 404, "gone")]
    [InlineData("""{"statusCode":204}""", 204, "")]
    public void Every_field_is_optional_and_a_numeric_string_status_is_taken(string payload, int status, string body)
    {
        var response = ProxyResponseMapper.Map(Encoding.UTF8.GetBytes(payload), decodeBinaryBody: false).Response;

        Assert.NotNull(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, Encoding.UTF8.GetString(response.Body));
        Assert.Contains(new KeyValuePair<string, string>("Content-Type", "application/json"), response.Headers);
    }

    [Fact]
    public void Headers_and_multi_value_headers_are_merged_with_a_repeated_pair_given_once()
    {
        const string payload = """
            {"statusCode":201,
             "headers":{"Content-Type":"text/plain","X-One":"1","X-Flag":true,"Content-Length":"999"},
             "multiValueHeaders":{"Set-Cookie":["a=1","b=2"],"X-One":["1","2"]},
             "body":"created"}
            """;

        var response = ProxyResponseMapper.Map(Encoding.UTF8.GetBytes(payload), decodeBinaryBody: false).Response!;

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(["text/plain"], Values(response, "Content-Type"));
        Assert.Equal(["1", "2"], Values(response, "X-One"));
        Assert.Equal(["true"], Values(response, "X-Flag"));
        Assert.Equal(["a=1", "b=2"], Values(response, "Set-Cookie"));
        Assert.Empty(Values(response, "Content-Length"));
        Assert.Equal("created", Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public void A_base64_body_is_decoded_only_when_the_client_accepts_binary()
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF };
        var payload = Encoding.UTF8.GetBytes($$"""{"statusCode":200,"isBase64Encoded":true,"body":"{{Convert.ToBase64String(bytes)}}"}""");

        Assert.Equal(bytes, ProxyResponseMapper.Map(payload, decodeBinaryBody: true).Response!.Body);
        Assert.Equal(Convert.ToBase64String(bytes), Encoding.UTF8.GetString(ProxyResponseMapper.Map(payload, decodeBinaryBody: false).Response!.Body));
    }

    [Fact]
    public void A_binary_body_that_is_not_base64_is_a_configuration_error()
    {
        var mapping = ProxyResponseMapper.Map("""{"isBase64Encoded":true,"body":"not base64!"}"""u8.ToArray(), decodeBinaryBody: true);

        Assert.Equal(500, mapping.FailureStatusCode);
        Assert.Contains("base64", mapping.Problem);
    }

    private static string[] Values(ApiResponse response, string name) =>
        response.Headers.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).ToArray();
}
