using System.Text;
using System.Text.Json;
using Patterns.LocalCloud.ApiGateway.Authorizers;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>How a Lambda authorizer's answer is read and its policy judged against a method ARN, as IAM judges it.</summary>
public sealed class AuthorizerPolicyTests
{
    private const string Arn = "arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/products/42";

    [Theory]
    [InlineData("arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/products/42", true)]
    [InlineData("arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/products/*", true)]
    [InlineData("arn:aws:execute-api:us-east-1:000000000000:abc123/dev/*/*", true)]
    [InlineData("arn:aws:execute-api:us-east-1:000000000000:abc123/dev/*", true)]
    [InlineData("arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/*", true)]
    [InlineData("arn:aws:execute-api:*:*:abc123/dev/GET/products/4?", true)]
    [InlineData("*", true)]
    [InlineData("arn:aws:execute-api:us-east-1:000000000000:abc123/dev/POST/*", false)]
    [InlineData("arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/products", false)]
    [InlineData("arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/products/4", false)]
    [InlineData("arn:aws:execute-api:us-east-1:000000000000:abc123/prod/*", false)]
    [InlineData("arn:aws:execute-api:us-east-1:000000000000:ABC123/dev/*", false)]
    public void A_resource_pattern_matches_the_method_arn_with_iam_wildcards(string resource, bool allowed)
    {
        var output = Parse(Policy(("Allow", Quote("execute-api:Invoke"), Quote(resource))));

        Assert.Equal(allowed ? PolicyDecision.Allow : PolicyDecision.NotAllowed, output.Evaluate(Arn));
    }

    [Theory]
    [InlineData("\"execute-api:Invoke\"", true)]
    [InlineData("\"execute-api:*\"", true)]
    [InlineData("\"*\"", true)]
    [InlineData("\"EXECUTE-API:invoke\"", true)]
    [InlineData("[\"s3:GetObject\", \"execute-api:Invoke\"]", true)]
    [InlineData("\"execute-api:ManageConnections\"", false)]
    [InlineData("[\"s3:*\"]", false)]
    public void An_action_must_cover_execute_api_Invoke(string action, bool allowed)
    {
        var output = Parse(Policy(("Allow", action, Quote(Arn))));

        Assert.Equal(allowed ? PolicyDecision.Allow : PolicyDecision.NotAllowed, output.Evaluate(Arn));
    }

    [Fact]
    public void An_explicit_deny_wins_over_any_allow_and_resources_may_be_lists()
    {
        var output = Parse(Policy(
            ("Allow", Quote("execute-api:Invoke"), "[\"arn:aws:execute-api:us-east-1:000000000000:abc123/dev/*\"]"),
            ("Deny", Quote("execute-api:Invoke"), "[\"arn:aws:execute-api:us-east-1:000000000000:abc123/dev/DELETE/*\", \"arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/products/42\"]")));

        Assert.Equal(PolicyDecision.ExplicitDeny, output.Evaluate(Arn));
        Assert.Equal(PolicyDecision.Allow, output.Evaluate("arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/products/7"));
        Assert.Equal(PolicyDecision.ExplicitDeny, output.Evaluate("arn:aws:execute-api:us-east-1:000000000000:abc123/dev/DELETE/products/7"));
    }

    [Fact]
    public void A_single_statement_object_and_NotResource_are_read_as_IAM_reads_them()
    {
        var output = Parse("""{"principalId":"p","policyDocument":{"Statement":{"Effect":"Allow","Action":"execute-api:Invoke","NotResource":"arn:aws:execute-api:*:*:abc123/dev/DELETE/*"}}}""");

        Assert.Equal(PolicyDecision.Allow, output.Evaluate(Arn));
        Assert.Equal(PolicyDecision.NotAllowed, output.Evaluate("arn:aws:execute-api:us-east-1:000000000000:abc123/dev/DELETE/products/42"));
    }

    [Fact]
    public void Context_values_become_strings_in_their_order()
    {
        var output = Parse("""{"principalId":"user-7","policyDocument":{"Version":"2012-10-17","Statement":[]},"context":{"name":"Ann","count":3,"ratio":1.5,"admin":true,"beta":false},"usageIdentifierKey":"key-1"}""");

        Assert.Equal("user-7", output.PrincipalId);
        Assert.Equal([new("name", "Ann"), new("count", "3"), new("ratio", "1.5"), new("admin", "true"), new KeyValuePair<string, string>("beta", "false")], output.Context);
        Assert.Equal("key-1", output.UsageIdentifierKey);
        Assert.Equal(PolicyDecision.NotAllowed, output.Evaluate(Arn));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("\"Allow\"", "must be an object")]
    [InlineData("""{"policyDocument":{"Statement":[]}}""", "no principalId")]
    [InlineData("""{"principalId":"p"}""", "no policyDocument")]
    [InlineData("""{"principalId":"p","policyDocument":{"Version":"2012-10-17"}}""", "no Statement")]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}}""", "must be \"Allow\" or \"Deny\"")]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[{"Effect":"Allow","Resource":"*"}]}}""", "neither Action nor NotAction")]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[{"Effect":"Allow","Action":"*","Resource":[]}]}}""", "Resource is an array")]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":null}]}}""", "Condition is null")]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}}""", "does not evaluate")]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[]},"context":{"user":{"id":1}}}""", "context value 'user' is an object")]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[]},"context":{"roles":["a"]}}""", "context value 'roles' is an array")]
    public void An_answer_api_gateway_would_not_accept_is_a_named_problem(string payload, string problem)
    {
        Assert.False(AuthorizerOutput.TryParse(Encoding.UTF8.GetBytes(payload), out _, out var found));
        Assert.Contains(problem, found, StringComparison.Ordinal);
    }

    [Fact]
    public void The_method_arn_names_the_requested_path_and_the_root_ends_with_a_slash()
    {
        Assert.Equal(Arn, MethodArn.For("us-east-1", "000000000000", "abc123", "dev", "GET", "/products/42"));
        Assert.Equal("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/POST/", MethodArn.For("eu-west-1", "123456789012", "abc123", "prod", "POST", "/"));
    }

    [Fact]
    public void Identity_sources_are_a_comma_separated_list_of_four_kinds()
    {
        Assert.True(IdentitySource.TryParseList("method.request.header.Auth, method.request.querystring.name,stageVariables.tier , context.identity.sourceIp", out var sources, out _));
        Assert.Equal(
            [
                new IdentitySource(IdentitySourceKind.Header, "Auth"),
                new IdentitySource(IdentitySourceKind.QueryString, "name"),
                new IdentitySource(IdentitySourceKind.StageVariable, "tier"),
                new IdentitySource(IdentitySourceKind.Context, "identity.sourceIp"),
            ],
            sources);
        Assert.Equal("method.request.header.Auth", sources[0].ToString());
        Assert.True(IdentitySource.TryParseList(null, out var none, out _));
        Assert.Empty(none);
        Assert.False(IdentitySource.TryParseList("method.request.path.id", out _, out var problem));
        Assert.Contains("'method.request.path.id'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Cognito_claims_reach_the_integration_as_strings_with_dates_and_joined_lists()
    {
        using var payload = JsonDocument.Parse("""{"sub":"u-1","email_verified":true,"exp":1513495692,"iat":1513492092,"auth_time":1513492092,"cognito:groups":["admins","users"],"custom:n":7}""");

        var claims = CognitoClaims.ToRequestContext(payload.RootElement);

        Assert.Equal(
            """{"sub":"u-1","email_verified":"true","exp":"Sun Dec 17 07:28:12 UTC 2017","iat":"Sun Dec 17 06:28:12 UTC 2017","auth_time":"1513492092","cognito:groups":"admins,users","custom:n":"7"}""",
            claims.ToJsonString());
    }

    private static AuthorizerOutput Parse(string payload)
    {
        Assert.True(AuthorizerOutput.TryParse(Encoding.UTF8.GetBytes(payload), out var output, out var problem), problem);
        return output;
    }

    private static string Policy(params (string Effect, string Action, string Resource)[] statements) =>
        """{"principalId":"p","policyDocument":{"Version":"2012-10-17","Statement":["""
        + string.Join(',', statements.Select(s => $$"""{"Effect":"{{s.Effect}}","Action":{{s.Action}},"Resource":{{s.Resource}} }"""))
        + "]}}";

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
