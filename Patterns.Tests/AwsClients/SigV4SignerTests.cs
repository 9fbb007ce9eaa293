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

    public static TheoryData<string, string, string, string, string[], string, string> SuiteVectors => new()
    {
        // name, method, wire path, wire query, extra headers ("Name:value"), body, signature
        { "get-vanilla", "GET", "/", "", [], "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", [], "", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
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
    };

    [Theory]
    [MemberData(nameof(SuiteVectors))]
    public void Signs_the_test_suite_requests_as_AWS_does(string name, string method, string path, string query, string[] extraHeaders, string body, string expectedSignature)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Host", Host), new("X-Amz-Date", Date) };
        headers.AddRange(extraHeaders.Select(h => new KeyValuePair<string, string>(h[..h.IndexOf(':', StringComparison.Ordinal)], h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..])));

        var signature = SigV4Signer.Sign(
            new SigV4Request(method, path, query, headers, SigV4Signer.HashHex(System.Text.Encoding.UTF8.GetBytes(body))),
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
}
