using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.AwsClients.CognitoIdentityProvider;
using Patterns.Tests.Support;

namespace Patterns.Tests.Pattern02;

/// <summary>Patterns 1 and 2 side by side, with a user in ProductsUserPool.</summary>
public sealed class SecuredApiFixture : PatternAppFixture
{
    public const string Email = "trainee@example.com";
    public const string Password = "Serverless-Passw0rd!";

    protected override IEnumerable<IPattern> Patterns() => [new Pattern01ApiBackend(), new Pattern02SecuredApi()];

    public string UserPoolId => App.Resources.UserPool(Pattern02SecuredApi.UserPoolName).Id;

    public string ClientId => App.Resources.UserPoolClient(Pattern02SecuredApi.ClientName).ClientId;

    public async Task<AuthenticationResult> SignInAsync()
    {
        try
        {
            await App.Cognito.AdminCreateUserAsync(new AdminCreateUserRequest(UserPoolId, Email) { MessageAction = "SUPPRESS", TemporaryPassword = "Temporary-Passw0rd!" });
            await App.Cognito.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest(UserPoolId, Email, Password) { Permanent = true });
        }
        catch (Patterns.AwsClients.Core.AwsServiceException exception) when (exception.ErrorCode == "UsernameExistsException")
        {
            // Another test of the class created the user.
        }
        var response = await App.Cognito.InitiateAuthAsync(InitiateAuthRequest.UserPassword(ClientId, Email, Password));
        return response.AuthenticationResult ?? throw new InvalidOperationException($"Sign-in asked for a challenge: {response.ChallengeName}.");
    }
}

/// <summary>
/// Pattern 2's Verify steps: SecuredProductsAPI answers 401 without a token and with the seed's
/// made-up tokens (our authorizer checks real Cognito JWTs), 200 with a token from the pool; the
/// authorizer's decision is cached for the same token; ProductsAPI stays open beside it.
/// </summary>
public sealed class SecuredApiVerifyTests(SecuredApiFixture fixture) : IClassFixture<SecuredApiFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer x")]
    [InlineData("Bearer myvalidtoken12345")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    public async Task Without_a_real_token_the_secured_api_answers_401(string? authorization)
    {
        using var api = fixture.App.CreateHttpClient(Pattern02SecuredApi.ApiName);
        using var request = new HttpRequestMessage(HttpMethod.Get, "products");
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"message":"Unauthorized"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_user_reads_and_writes_products_and_the_decision_is_cached()
    {
        var tokens = await fixture.SignInAsync();
        using var api = fixture.App.CreateHttpClient(Pattern02SecuredApi.ApiName);
        var decisionsBefore = await DecisionsAsync();

        using var list = new HttpRequestMessage(HttpMethod.Get, "products");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.IdToken);
        using var listed = await api.SendAsync(list);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);

        using var create = new HttpRequestMessage(HttpMethod.Post, "products") { Content = new StringContent("""{"name":"Secured gadget","price":12.5}""", Encoding.UTF8, "application/json") };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.IdToken);
        using var created = await api.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Both requests carried the same token within the 300 s TTL: the authorizer ran once.
        var decisions = await fixture.LogUntilAsync(Pattern02SecuredApi.AuthorizerFunctionName, l => l.Count(IsDecision) > decisionsBefore, "the authorizer's decision");
        Assert.Equal(decisionsBefore + 1, decisions.Count(IsDecision));
        Assert.Contains(decisions, m => m.StartsWith("Authorization decision: Allow for token length ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pattern_1_stays_open_beside_it()
    {
        using var api = fixture.App.CreateHttpClient(Pattern01ApiBackend.ApiName);
        using var response = await api.GetAsync("products");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<int> DecisionsAsync() => (await fixture.LogAsync(Pattern02SecuredApi.AuthorizerFunctionName)).Count(IsDecision);

    private static bool IsDecision(string line) => line.StartsWith("Authorization decision: ", StringComparison.Ordinal);
}
