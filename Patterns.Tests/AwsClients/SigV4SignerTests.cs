using Patterns.AwsClients.Core;

namespace Patterns.Tests.AwsClients;

/// <summary>
/// The signer against the AWS Signature Version 4 test suite (aws-sig-v4-test-suite: fixed
/// key AKIDEXAMPLE, region us-east-1, service "service", 20150830T123600Z), and against
/// signatures botocore computes for requests of the shape our clients send.
/// </summary>
public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials SuiteCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private const string Host = "example.amazonaws.com";
    private const string Date = "20150830T123600Z";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string SuiteScope = "20150830/us-east-1/service/aws4_request";

    // The suite's temporary-credentials token (post-sts-header-before / -after).
    private const string SuiteSessionToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    public static TheoryData<string, string, string, string, string[], string, string> SuiteVectors => new()
    {
        // name, method, wire path, wire query, extra headers ("Name:value"), body, signature
        { "get-vanilla", "GET", "/", "", [], "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", [], "", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "get-vanilla-query-order-key", "GET", "/", "Param1=value2&Param1=Value1", [], "", "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1" },
        { "get-vanilla-query-order-value", "GET", "/", "Param1=value2&Param1=value1", [], "", "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694" },
        { "get-vanilla-empty-query-key", "GET", "/", "Param1=value1", [], "", "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb" },
        {
            "get-vanilla-query-unreserved", "GET", "/",
            "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            [], "", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"
        },
        { "get-vanilla-utf8-query", "GET", "/", "%E1%88%B4=bar", [], "", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04" },
        { "get-header-key-duplicate", "GET", "/", "", ["My-Header1:value2", "My-Header1:value2", "My-Header1:value1"], "", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea" },
        { "get-header-value-order", "GET", "/", "", ["My-Header1:value4", "My-Header1:value1", "My-Header1:value3", "My-Header1:value2"], "", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01" },
        { "get-header-value-trim", "GET", "/", "", ["My-Header1: value1", "My-Header2: \"a   b   c\""], "", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
        { "get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "", [], "", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f" },
        { "get-slashes-unnormalized", "GET", "//example//", "", [], "", "87cca117541a147f6df867677d98a7d80dff226d2bfca9e4ffa899665623c7e5" },
        { "post-vanilla", "POST", "/", "", [], "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "post-vanilla-query", "POST", "/", "Param1=value1", [], "", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11" },
        { "post-header-key-sort", "POST", "/", "", ["My-Header1:value1"], "", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c" },
        { "post-header-value-case", "POST", "/", "", ["My-Header1:VALUE1"], "", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d" },
        { "post-x-www-form-urlencoded", "POST", "/", "", ["Content-Type:application/x-www-form-urlencoded"], "Param1=value1", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
        { "post-x-www-form-urlencoded-parameters", "POST", "/", "", ["Content-Type:application/x-www-form-urlencoded; charset=utf8"], "Param1=value1", "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe" },
        { "post-sts-header-before", "POST", "/", "", [$"X-Amz-Security-Token:{SuiteSessionToken}"], "", "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead" },
    };

    [Theory]
    [MemberData(nameof(SuiteVectors))]
    public void Signs_the_test_suite_requests_as_AWS_does(string name, string method, string path, string query, string[] extraHeaders, string body, string expectedSignature)
    {
        var signature = SigV4Signer.Sign(
            new SigV4Request(method, path, query, SuiteHeaders(extraHeaders), SigV4Signer.HashHex(System.Text.Encoding.UTF8.GetBytes(body))),
            SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.True(expectedSignature == signature.Signature, $"{name}: expected {expectedSignature}, got {signature.Signature}.\nCanonical request:\n{signature.CanonicalRequest}");
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={signature.SignedHeaders}, Signature={expectedSignature}",
            signature.Authorization);
    }

    [Fact]
    public void Get_vanilla_has_the_suites_canonical_request_and_string_to_sign()
    {
        var signature = SigV4Signer.Sign(
            new SigV4Request("GET", "/", "", [new("Host", Host), new("X-Amz-Date", Date)], SigV4Signer.EmptyPayloadHash),
            SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.Equal(
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            signature.CanonicalRequest);
        Assert.Equal(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            signature.StringToSign);
    }

    public static TheoryData<string, string, string, string[], string, string, string> SuiteCanonicalForms => new()
    {
        // name, method, wire query, extra headers ("Name:value"), body, the suite's .creq, the hash line of its .sts
        {
            "get-vanilla-query-order-key-case", "GET", "Param2=value2&Param1=value1", [], "",
            $"GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}",
            "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0"
        },
        {
            "get-vanilla-utf8-query", "GET", "%E1%88%B4=bar", [], "",
            $"GET\n/\n%E1%88%B4=bar\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}",
            "eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073"
        },
        {
            "get-header-value-trim", "GET", "", ["My-Header1: value1", "My-Header2: \"a   b   c\""], "",
            $"GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n{EmptyHash}",
            "a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7"
        },
        {
            "get-header-key-duplicate", "GET", "", ["My-Header1:value2", "My-Header1:value2", "My-Header1:value1"], "",
            $"GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n{EmptyHash}",
            "dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c"
        },
        {
            "post-vanilla-query", "POST", "Param1=value1", [], "",
            $"POST\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}",
            "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd"
        },
        {
            "post-x-www-form-urlencoded", "POST", "", ["Content-Type:application/x-www-form-urlencoded"], "Param1=value1",
            "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281"
        },
        {
            "post-sts-header-before", "POST", "", [$"X-Amz-Security-Token:{SuiteSessionToken}"], "",
            $"POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:{SuiteSessionToken}\n\nhost;x-amz-date;x-amz-security-token\n{EmptyHash}",
            "c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6"
        },
    };

    [Theory]
    [MemberData(nameof(SuiteCanonicalForms))]
    public void Builds_the_test_suites_canonical_request_and_string_to_sign(string name, string method, string query, string[] extraHeaders, string body, string canonicalRequest, string canonicalRequestHash)
    {
        var signature = SigV4Signer.Sign(
            new SigV4Request(method, "/", query, SuiteHeaders(extraHeaders), SigV4Signer.HashHex(System.Text.Encoding.UTF8.GetBytes(body))),
            SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.True(canonicalRequest == signature.CanonicalRequest, $"{name}: expected\n{canonicalRequest}\ngot\n{signature.CanonicalRequest}");
        Assert.Equal($"AWS4-HMAC-SHA256\n{Date}\n{SuiteScope}\n{canonicalRequestHash}", signature.StringToSign);
    }

    [Theory]
    [InlineData("get-vanilla-query-order-key-case", "GET", "?Param2=value2&Param1=value1", null,
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("post-vanilla-query", "POST", "?Param1=value1", null,
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11")]
    [InlineData("post-sts-header-before", "POST", "", SuiteSessionToken,
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead")]
    public async Task The_request_sender_signs_the_suites_requests_as_AWS_does(string name, string method, string query, string? sessionToken, string authorization)
    {
        var handler = new RecordingHandler().Reply(System.Net.HttpStatusCode.OK, "{}");
        var options = new AwsClientOptions { Endpoint = new Uri("https://example.amazonaws.com"), Region = "us-east-1", Credentials = SuiteCredentials with { SessionToken = sessionToken } };
        using var sender = AwsRequestSender.For(new AwsService("service", "service", "SERVICE", "Service"), options, new HttpClient(handler), new FixedTimeProvider(SuiteTime));

        await sender.SendAsync(new AwsRequest(name, new HttpMethod(method), query), CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("example.amazonaws.com", Date), (request.Uri.Authority, request.Headers["X-Amz-Date"]));
        Assert.Equal(authorization, request.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("get-utf8", "/%E1%88%B4", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85")]
    [InlineData("get-space-unnormalized", "/example%20space/", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741")]
    public void Signs_an_encoded_path_as_sent_when_told_the_S3_rules(string name, string wirePath, string expectedSignature)
    {
        var signature = SigV4Signer.Sign(
            new SigV4Request("GET", wirePath, "", [new("Host", Host), new("X-Amz-Date", Date)], SigV4Signer.EmptyPayloadHash, EncodePathTwice: false),
            SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.True(expectedSignature == signature.Signature, $"{name}: got {signature.Signature}");
    }

    [Fact]
    public void Encodes_an_escaped_arn_in_the_path_a_second_time_as_botocore_does_for_lambda()
    {
        var signature = SigV4Signer.Sign(
            new SigV4Request(
                "POST",
                "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3AHello/invocations",
                "Qualifier=%24LATEST",
                [new("Content-Type", "application/json"), new("Host", "127.0.0.1:4566"), new("X-Amz-Date", Date), new("X-Amz-Invocation-Type", "RequestResponse")],
                SigV4Signer.HashHex("""{"name":"Trainee"}"""u8)),
            SuiteCredentials, "us-east-1", "lambda", SuiteTime);

        Assert.Contains("/2015-03-31/functions/arn%253Aaws%253Alambda%253Aus-east-1%253A000000000000%253Afunction%253AHello/invocations\nQualifier=%24LATEST\n", signature.CanonicalRequest, StringComparison.Ordinal);
        Assert.Equal("0168850a1391d84cdf0d03b067e6c77f2e771da78af3adff898fd71cae3dbceb", signature.Signature);
    }

    [Fact]
    public void Signs_a_session_token_like_botocore()
    {
        var signature = SigV4Signer.Sign(
            new SigV4Request(
                "GET", "/restapis", "limit=500",
                [new("Accept", "application/json"), new("Host", "127.0.0.1:4566"), new("X-Amz-Date", Date), new("X-Amz-Security-Token", "session-token-example")],
                SigV4Signer.EmptyPayloadHash),
            SuiteCredentials with { SessionToken = "session-token-example" }, "us-east-1", "apigateway", SuiteTime);

        Assert.Equal("accept;host;x-amz-date;x-amz-security-token", signature.SignedHeaders);
        Assert.Equal("d2dde4cfe0f396dff07a90cd643be0c9024f6023cf416114b0f0c8357f288a27", signature.Signature);
    }

    // Host and X-Amz-Date as every suite request has them, then the case's own headers ("Name:value").
    private static List<KeyValuePair<string, string>> SuiteHeaders(string[] extraHeaders)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Host", Host), new("X-Amz-Date", Date) };
        headers.AddRange(extraHeaders.Select(h => new KeyValuePair<string, string>(h[..h.IndexOf(':', StringComparison.Ordinal)], h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..])));
        return headers;
    }
}
