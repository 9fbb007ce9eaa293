using Patterns.AwsClients.CognitoIdentityProvider;
using Patterns.Hosting.Model;
using UserPool = Patterns.Hosting.Model.UserPool;
using UserPoolClient = Patterns.Hosting.Model.UserPoolClient;

namespace Patterns.Hosting.Local;

/// <summary>
/// Finds a model's user pool or app client by name (Cognito lets names repeat; the model
/// identifies them by name, so more than one is an error) or creates it.
/// </summary>
/// <param name="freshCloud">Cognito behind the client was started empty for this provisioning: nothing is looked for.</param>
internal sealed class UserPoolProvisioner(CognitoIdentityProviderClient cognito, string region, string accountId, bool freshCloud = false)
{
    // The flows the model's app clients allow: sign-in with a password, by the user or by an admin API, and refresh.
    private static readonly string[] AuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];

    public async Task<ProvisionedUserPool> ProvisionAsync(UserPool pool, CancellationToken cancellationToken)
    {
        var existing = freshCloud ? [] : (await cognito.ListAllUserPoolsAsync(cancellationToken).ConfigureAwait(false)).Where(p => p.Name == pool.Name).ToList();
        var id = existing.Count switch
        {
            0 => (await cognito.CreateUserPoolAsync(new CreateUserPoolRequest(pool.Name) { UsernameAttributes = ["email"], AutoVerifiedAttributes = ["email"] }, cancellationToken).ConfigureAwait(false)).UserPool.Id,
            1 => existing[0].Id,
            _ => throw new InvalidOperationException(
                $"{existing.Count} user pools are named {pool.Name} ({string.Join(", ", existing.Select(p => p.Id))}); the model identifies pools by name. Delete the extra ones (aws cognito-idp delete-user-pool --user-pool-id …)."),
        };
        return new ProvisionedUserPool(pool.Name, id, $"arn:aws:cognito-idp:{region}:{accountId}:userpool/{id}");
    }

    public async Task<ProvisionedUserPoolClient> ProvisionAsync(UserPoolClient client, ProvisionedUserPool pool, CancellationToken cancellationToken)
    {
        var existing = freshCloud ? [] : (await cognito.ListAllUserPoolClientsAsync(pool.Id, cancellationToken).ConfigureAwait(false)).Where(c => c.ClientName == client.Name).ToList();
        var id = existing.Count switch
        {
            0 => (await cognito.CreateUserPoolClientAsync(new CreateUserPoolClientRequest(pool.Id, client.Name) { GenerateSecret = false, ExplicitAuthFlows = AuthFlows }, cancellationToken).ConfigureAwait(false)).UserPoolClient.ClientId,
            1 => existing[0].ClientId,
            _ => throw new InvalidOperationException(
                $"{existing.Count} app clients of user pool {pool.Name} are named {client.Name}; the model identifies them by name. Delete the extra ones (aws cognito-idp delete-user-pool-client …)."),
        };
        return new ProvisionedUserPoolClient(client.Name, id, pool.Id);
    }
}
