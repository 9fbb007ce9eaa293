using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// Cognito user pools through the edge with raw JSON-protocol calls (no SDK package exists for
/// Cognito): a pool, an app client, a confirmed user, and that user's tokens.
/// </summary>
internal sealed class CognitoControlPlane(HttpClient edge)
{
    public const string Password = "Correct-Horse-7!";

    public async Task<(string PoolId, string PoolArn)> CreateUserPoolAsync(string name)
    {
        var pool = (await CallAsync("CreateUserPool", new { PoolName = name }))["UserPool"]!;
        return (pool["Id"]!.GetValue<string>(), pool["Arn"]!.GetValue<string>());
    }

    public async Task<string> CreateUserPoolClientAsync(string poolId, string name) =>
        (await CallAsync("CreateUserPoolClient", new { UserPoolId = poolId, ClientName = name, ExplicitAuthFlows = new[] { "ADMIN_USER_PASSWORD_AUTH" } }))["UserPoolClient"]!["ClientId"]!.GetValue<string>();

    public Task DeleteUserPoolClientAsync(string poolId, string clientId) =>
        CallAsync("DeleteUserPoolClient", new { UserPoolId = poolId, ClientId = clientId });

    /// <summary>A user who can sign in at once: created without a welcome message, given a permanent password.</summary>
    public async Task CreateUserAsync(string poolId, string username)
    {
        await CallAsync("AdminCreateUser", new { UserPoolId = poolId, Username = username, MessageAction = "SUPPRESS" });
        await CallAsync("AdminSetUserPassword", new { UserPoolId = poolId, Username = username, Password, Permanent = true });
    }

    public async Task<(string IdToken, string AccessToken)> SignInAsync(string poolId, string clientId, string username)
    {
        var result = (await CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = poolId,
            ClientId = clientId,
            AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = Password },
        }))["AuthenticationResult"]!;
        return (result["IdToken"]!.GetValue<string>(), result["AccessToken"]!.GetValue<string>());
    }

    /// <summary>A pool with one app client and one signed-in user.</summary>
    public async Task<SignedInUser> CreateSignedInUserAsync(string poolName, string username = "alice")
    {
        var (poolId, poolArn) = await CreateUserPoolAsync(poolName);
        var clientId = await CreateUserPoolClientAsync(poolId, poolName + "-app");
        await CreateUserAsync(poolId, username);
        var (idToken, accessToken) = await SignInAsync(poolId, clientId, username);
        return new SignedInUser(poolId, poolArn, clientId, username, idToken, accessToken);
    }

    private async Task<JsonNode> CallAsync(string operation, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
        using var response = await edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Cognito {operation} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }
}
