using System.Text;
using System.Text.Json;
using Patterns.AwsClients.CognitoIdentityProvider;
using Patterns.AwsClients.Core;
using Patterns.Tests.Support;

namespace Patterns.Tests.AwsClients;

/// <summary>The Cognito user-pool client against Cognito in a real local cloud (moto behind the edge): a pool, a client, a user, sign-in.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class CognitoLocalCloudTests(LocalCloudFixture fixture)
{
    private const string Password = "Corr3ct-Horse!";

    private CognitoIdentityProviderClient Client() => new(new AwsClientOptions { Endpoint = fixture.Cloud.EdgeUrl, Region = "us-east-1", Credentials = AwsCredentials.Test });

    [Fact]
    public async Task A_created_user_signs_in_with_both_flows_and_refreshes_and_gets_JWTs()
    {
        using var cognito = Client();
        var (pool, appClient) = await CreatePoolWithUserAsync(cognito, "trainee@example.com");

        var signedIn = await cognito.InitiateAuthAsync(InitiateAuthRequest.UserPassword(appClient.ClientId, "trainee@example.com", Password));
        var adminSignedIn = await cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.AdminUserPassword(pool.Id, appClient.ClientId, "trainee@example.com", Password));
        var refreshed = await cognito.InitiateAuthAsync(InitiateAuthRequest.RefreshToken(appClient.ClientId, signedIn.AuthenticationResult!.RefreshToken!));

        foreach (var result in new[] { signedIn.AuthenticationResult, adminSignedIn.AuthenticationResult! })
        {
            Assert.All(new[] { result.AccessToken, result.IdToken! }, token => Assert.Equal(3, token.Split('.').Length));
            Assert.False(string.IsNullOrEmpty(result.RefreshToken), "a refresh token comes with a password sign-in; it is opaque to clients");
            Assert.Equal("Bearer", result.TokenType);
            Assert.True(result.ExpiresIn > 0, $"ExpiresIn is {result.ExpiresIn}");
        }
        Assert.Null(signedIn.ChallengeName);
        var idClaims = Payload(signedIn.AuthenticationResult.IdToken!);
        Assert.Equal($"https://cognito-idp.us-east-1.amazonaws.com/{pool.Id}", idClaims.GetProperty("iss").GetString());
        Assert.Equal("id", idClaims.GetProperty("token_use").GetString());
        Assert.Equal(appClient.ClientId, idClaims.GetProperty("aud").GetString());
        Assert.Equal("trainee@example.com", idClaims.GetProperty("email").GetString());
        Assert.Equal(3, refreshed.AuthenticationResult!.AccessToken.Split('.').Length);
        Assert.Equal("access", Payload(refreshed.AuthenticationResult.AccessToken).GetProperty("token_use").GetString());
    }

    [Fact]
    public async Task A_wrong_password_is_NotAuthorizedException_and_an_unknown_user_UserNotFoundException()
    {
        using var cognito = Client();
        var (pool, appClient) = await CreatePoolWithUserAsync(cognito, "trainee@example.com");

        var wrongPassword = await Assert.ThrowsAsync<AwsServiceException>(() =>
            cognito.InitiateAuthAsync(InitiateAuthRequest.UserPassword(appClient.ClientId, "trainee@example.com", "Wr0ng-Password!")));
        var adminWrongPassword = await Assert.ThrowsAsync<AwsServiceException>(() =>
            cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.AdminUserPassword(pool.Id, appClient.ClientId, "trainee@example.com", "Wr0ng-Password!")));
        var unknownUser = await Assert.ThrowsAsync<AwsServiceException>(() =>
            cognito.InitiateAuthAsync(InitiateAuthRequest.UserPassword(appClient.ClientId, "nobody@example.com", Password)));

        Assert.Equal(("cognito-idp", "InitiateAuth", 400, "NotAuthorizedException"), (wrongPassword.Service, wrongPassword.Operation, wrongPassword.StatusCode, wrongPassword.ErrorCode));
        Assert.Equal("NotAuthorizedException", adminWrongPassword.ErrorCode);
        Assert.Equal("UserNotFoundException", unknownUser.ErrorCode);
    }

    [Fact]
    public async Task Pools_and_clients_are_described_and_listed_and_a_deleted_pool_is_not_found()
    {
        using var cognito = Client();
        var (pool, appClient) = await CreatePoolWithUserAsync(cognito, "lister@example.com");

        var described = (await cognito.DescribeUserPoolAsync(pool.Id)).UserPool;
        var describedClient = (await cognito.DescribeUserPoolClientAsync(pool.Id, appClient.ClientId)).UserPoolClient;
        var pools = await cognito.ListAllUserPoolsAsync();
        var clients = await cognito.ListAllUserPoolClientsAsync(pool.Id);
        await cognito.DeleteUserPoolAsync(pool.Id);

        Assert.Equal((pool.Id, pool.Name, pool.Arn), (described.Id, described.Name, described.Arn));
        Assert.Equal(10, described.Policies!.PasswordPolicy!.MinimumLength);
        Assert.Equal(["email"], described.UsernameAttributes!);
        Assert.Equal(["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"], describedClient.ExplicitAuthFlows!.Order());
        Assert.Contains(pools, p => p.Id == pool.Id && p.Name == pool.Name);
        Assert.Equal([(appClient.ClientId, "web")], clients.Select(c => (c.ClientId, c.ClientName)));
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => cognito.DescribeUserPoolAsync(pool.Id));
        Assert.Equal("ResourceNotFoundException", missing.ErrorCode);
    }

    private static async Task<(UserPool Pool, UserPoolClient Client)> CreatePoolWithUserAsync(CognitoIdentityProviderClient cognito, string email)
    {
        var pool = (await cognito.CreateUserPoolAsync(new CreateUserPoolRequest(UniqueName.For("customers"))
        {
            Policies = new UserPoolPolicies(new PasswordPolicy { MinimumLength = 10 }),
            UsernameAttributes = ["email"],
            AutoVerifiedAttributes = ["email"],
        })).UserPool;
        var appClient = (await cognito.CreateUserPoolClientAsync(new CreateUserPoolClientRequest(pool.Id, "web")
        {
            ExplicitAuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        })).UserPoolClient;
        var user = (await cognito.AdminCreateUserAsync(new AdminCreateUserRequest(pool.Id, email)
        {
            UserAttributes = [new UserAttribute("email", email), new UserAttribute("email_verified", "true")],
            TemporaryPassword = "Temp0rary-Pass!",
            MessageAction = "SUPPRESS",
        })).User;
        Assert.Equal("FORCE_CHANGE_PASSWORD", user.UserStatus);
        await cognito.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest(pool.Id, email, Password) { Permanent = true });
        return (pool, appClient);
    }

    private static JsonElement Payload(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')));
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
