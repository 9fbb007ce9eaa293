using System.Net;
using System.Text.Json;
using Patterns.AwsClients.CognitoIdentityProvider;
using Patterns.AwsClients.Core;

namespace Patterns.Tests.AwsClients;

/// <summary>
/// What the Cognito user-pool client puts on the wire (JSON 1.1, AWSCognitoIdentityProviderService.*),
/// including InitiateAuth sent unsigned, and how it reads answers and errors.
/// </summary>
public sealed class CognitoIdentityProviderClientTests
{
    private const string PoolId = "eu-west-1_AbC123xyz";
    private const string ClientId = "3n4b5urk1ft4fl3mg5e62d9ado";

    private static readonly AwsClientOptions Options = new()
    {
        Endpoint = new Uri("http://127.0.0.1:4566"),
        Region = "eu-west-1",
        Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-example"),
        BaseRetryDelay = TimeSpan.FromMilliseconds(1),
    };

    private const string TokensJson = """
        {"AuthenticationResult":{"AccessToken":"a.b.c","ExpiresIn":3600,"TokenType":"Bearer","RefreshToken":"r.e.f","IdToken":"i.d.t"},"ChallengeParameters":{}}
        """;

    [Fact]
    public async Task InitiateAuth_is_sent_unsigned_with_the_target_and_the_auth_parameters()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, TokensJson);
        using var client = new CognitoIdentityProviderClient(Options, new HttpClient(handler));

        var response = await client.InitiateAuthAsync(InitiateAuthRequest.UserPassword(ClientId, "trainee@example.com", "Passw0rd!"));

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Uri.AbsolutePath));
        Assert.Equal("AWSCognitoIdentityProviderService.InitiateAuth", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.False(request.Headers.ContainsKey("Authorization"), "InitiateAuth is an unsigned operation");
        Assert.False(request.Headers.ContainsKey("X-Amz-Date"));
        Assert.False(request.Headers.ContainsKey("X-Amz-Security-Token"), "no credential of the caller leaves with an unsigned call");
        Assert.Equal($$$"""{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"{{{ClientId}}}","AuthParameters":{"USERNAME":"trainee@example.com","PASSWORD":"Passw0rd!"}}""", request.Body);

        var tokens = response.AuthenticationResult!;
        Assert.Equal(("a.b.c", "i.d.t", "r.e.f", 3600, "Bearer"), (tokens.AccessToken, tokens.IdToken, tokens.RefreshToken, tokens.ExpiresIn, tokens.TokenType));
        Assert.Null(response.ChallengeName);
    }

    [Fact]
    public async Task A_refresh_sends_REFRESH_TOKEN_AUTH_with_the_secret_hash()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """{"AuthenticationResult":{"AccessToken":"a2","ExpiresIn":3600,"TokenType":"Bearer","IdToken":"i2"}}""");
        using var client = new CognitoIdentityProviderClient(Options, new HttpClient(handler));

        var response = await client.InitiateAuthAsync(InitiateAuthRequest.RefreshToken(ClientId, "r.e.f", secretHash: "hash"));

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal("REFRESH_TOKEN_AUTH", body.RootElement.GetProperty("AuthFlow").GetString());
        Assert.Equal("""{"REFRESH_TOKEN":"r.e.f","SECRET_HASH":"hash"}""", body.RootElement.GetProperty("AuthParameters").GetRawText());
        Assert.Null(response.AuthenticationResult!.RefreshToken);
    }

    [Fact]
    public async Task AdminInitiateAuth_is_signed_for_cognito_idp_with_the_session_token()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, TokensJson);
        using var client = new CognitoIdentityProviderClient(Options, new HttpClient(handler), new FixedTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero)));

        await client.AdminInitiateAuthAsync(AdminInitiateAuthRequest.AdminUserPassword(PoolId, ClientId, "trainee@example.com", "Passw0rd!"));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("AWSCognitoIdentityProviderService.AdminInitiateAuth", request.Headers["X-Amz-Target"]);
        Assert.StartsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250304/eu-west-1/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=",
            request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("session-token-example", request.Headers["X-Amz-Security-Token"]);
        Assert.Equal(
            $$$"""{"UserPoolId":"{{{PoolId}}}","ClientId":"{{{ClientId}}}","AuthFlow":"ADMIN_USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"trainee@example.com","PASSWORD":"Passw0rd!"}}""",
            request.Body);
    }

    [Fact]
    public async Task A_challenge_answer_carries_its_name_session_and_parameters_instead_of_tokens()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """
            {"ChallengeName":"NEW_PASSWORD_REQUIRED","Session":"AYABe-session","ChallengeParameters":{"USER_ID_FOR_SRP":"trainee","requiredAttributes":"[]"}}
            """);
        using var client = new CognitoIdentityProviderClient(Options, new HttpClient(handler));

        var response = await client.AdminInitiateAuthAsync(AdminInitiateAuthRequest.AdminUserPassword(PoolId, ClientId, "trainee", "Temp0rary!"));

        Assert.Equal(("NEW_PASSWORD_REQUIRED", "AYABe-session"), (response.ChallengeName, response.Session));
        Assert.Equal("trainee", response.ChallengeParameters!["USER_ID_FOR_SRP"]);
        Assert.Null(response.AuthenticationResult);
    }

    [Fact]
    public async Task CreateUserPool_sends_the_password_policy_and_reads_the_pool()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, $$$"""
            {"UserPool":{"Id":"{{{PoolId}}}","Name":"customers","Arn":"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/{{{PoolId}}}",
             "Policies":{"PasswordPolicy":{"MinimumLength":12,"RequireSymbols":false}},"UsernameAttributes":["email"],"AutoVerifiedAttributes":["email"],
             "CreationDate":1741064767.0,"LastModifiedDate":1741064768,"MfaConfiguration":"OFF","EstimatedNumberOfUsers":0}}
            """);
        using var client = new CognitoIdentityProviderClient(Options, new HttpClient(handler));

        var pool = (await client.CreateUserPoolAsync(new CreateUserPoolRequest("customers")
        {
            Policies = new UserPoolPolicies(new PasswordPolicy { MinimumLength = 12, RequireSymbols = false }),
            UsernameAttributes = ["email"],
            AutoVerifiedAttributes = ["email"],
        })).UserPool;

        var request = Assert.Single(handler.Requests);
        Assert.Equal("AWSCognitoIdentityProviderService.CreateUserPool", request.Headers["X-Amz-Target"]);
        Assert.Equal(
            """{"PoolName":"customers","Policies":{"PasswordPolicy":{"MinimumLength":12,"RequireSymbols":false}},"UsernameAttributes":["email"],"AutoVerifiedAttributes":["email"]}""",
            request.Body);
        Assert.Equal((PoolId, "customers"), (pool.Id, pool.Name));
        Assert.Equal($"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/{PoolId}", pool.Arn);
        Assert.Equal(12, pool.Policies!.PasswordPolicy!.MinimumLength);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1741064767), pool.CreationDate);
    }

    [Fact]
    public async Task Clients_and_users_are_created_with_the_members_Cognito_names()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, $$$"""{"UserPoolClient":{"UserPoolId":"{{{PoolId}}}","ClientName":"web","ClientId":"{{{ClientId}}}","ClientSecret":"s3cr3t","ExplicitAuthFlows":["ALLOW_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]}}""")
            .Reply(HttpStatusCode.OK, """{"User":{"Username":"0b6941c4-f150","Attributes":[{"Name":"sub","Value":"0b6941c4-f150"},{"Name":"email","Value":"trainee@example.com"}],"Enabled":true,"UserStatus":"FORCE_CHANGE_PASSWORD","UserCreateDate":1741064767}}""")
            .Reply(HttpStatusCode.OK, "{}");
        using var client = new CognitoIdentityProviderClient(Options, new HttpClient(handler));

        var appClient = (await client.CreateUserPoolClientAsync(new CreateUserPoolClientRequest(PoolId, "web")
        {
            ExplicitAuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            GenerateSecret = true,
            CallbackURLs = ["http://localhost/callback"],
        })).UserPoolClient;
        var user = (await client.AdminCreateUserAsync(new AdminCreateUserRequest(PoolId, "trainee@example.com")
        {
            UserAttributes = [new UserAttribute("email", "trainee@example.com"), new UserAttribute("email_verified", "true")],
            TemporaryPassword = "Temp0rary!",
            MessageAction = "SUPPRESS",
        })).User;
        await client.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest(PoolId, "trainee@example.com", "Passw0rd!") { Permanent = true });

        Assert.Equal(
            [
                ("AWSCognitoIdentityProviderService.CreateUserPoolClient", $$$"""{"UserPoolId":"{{{PoolId}}}","ClientName":"web","GenerateSecret":true,"ExplicitAuthFlows":["ALLOW_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"],"CallbackURLs":["http://localhost/callback"]}"""),
                ("AWSCognitoIdentityProviderService.AdminCreateUser", $$$"""{"UserPoolId":"{{{PoolId}}}","Username":"trainee@example.com","UserAttributes":[{"Name":"email","Value":"trainee@example.com"},{"Name":"email_verified","Value":"true"}],"TemporaryPassword":"Temp0rary!","MessageAction":"SUPPRESS"}"""),
                ("AWSCognitoIdentityProviderService.AdminSetUserPassword", $$$"""{"UserPoolId":"{{{PoolId}}}","Username":"trainee@example.com","Password":"Passw0rd!","Permanent":true}"""),
            ],
            handler.Requests.Select(r => (r.Headers["X-Amz-Target"], r.Body)));
        Assert.Equal((ClientId, "s3cr3t"), (appClient.ClientId, appClient.ClientSecret));
        Assert.Equal(("FORCE_CHANGE_PASSWORD", true), (user.UserStatus, user.Enabled));
        Assert.Equal("trainee@example.com", user.Attribute("email"));
        Assert.Null(user.Attribute("phone_number"));
    }

    [Fact]
    public async Task ListAllUserPools_sends_the_required_MaxResults_and_follows_NextToken()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, """{"UserPools":[{"Id":"eu-west-1_a","Name":"one"}],"NextToken":"n2"}""")
            .Reply(HttpStatusCode.OK, """{"UserPools":[{"Id":"eu-west-1_b","Name":"two","Status":"Enabled"}]}""");
        using var client = new CognitoIdentityProviderClient(Options, new HttpClient(handler));

        var pools = await client.ListAllUserPoolsAsync();

        Assert.Equal(["one", "two"], pools.Select(p => p.Name));
        Assert.Equal(["""{"MaxResults":60}""", """{"MaxResults":60,"NextToken":"n2"}"""], handler.Requests.Select(r => r.Body));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListUserPoolsAsync(61));
    }

    [Fact]
    public async Task A_wrong_password_is_NotAuthorizedException_without_the_namespace_and_is_not_retried()
    {
        var handler = new RecordingHandler().Reply(
            HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.cognito.identity.idp.model#NotAuthorizedException","message":"Incorrect username or password."}""",
            ("x-amzn-RequestId", "req-7"));
        using var client = new CognitoIdentityProviderClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InitiateAuthAsync(InitiateAuthRequest.UserPassword(ClientId, "trainee", "wrong")));

        Assert.Equal(("cognito-idp", "InitiateAuth", 400, "NotAuthorizedException"), (error.Service, error.Operation, error.StatusCode, error.ErrorCode));
        Assert.Equal("Incorrect username or password.", error.ServiceMessage);
        Assert.Equal("req-7", error.RequestId);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void SecretHash_is_the_base64_HMAC_SHA256_of_user_name_and_client_id_keyed_by_the_secret()
    {
        Assert.Equal(
            "cJhb+oAIRWesgzhugIoEmTUrt3B1alyYIIIydvYrIMo=",
            CognitoIdentityProviderClient.SecretHash("trainee@example.com", ClientId, "client-secret-example"));
    }

    [Fact]
    public void The_endpoint_comes_from_AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER_before_AWS_ENDPOINT_URL()
    {
        var variables = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1", ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = "http://127.0.0.1:2" };
        using var client = new CognitoIdentityProviderClient(new AwsClientOptions { Environment = variables.GetValueOrDefault });
        using var publicClient = new CognitoIdentityProviderClient(new AwsClientOptions { Environment = _ => null, Region = "eu-north-1" });

        Assert.Equal(new Uri("http://127.0.0.1:2/"), client.Endpoint);
        Assert.Equal(new Uri("https://cognito-idp.eu-north-1.amazonaws.com/"), publicClient.Endpoint);
    }
}
