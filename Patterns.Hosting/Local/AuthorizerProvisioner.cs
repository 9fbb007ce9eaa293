using System.Globalization;
using Patterns.AwsClients.ApiGateway;
using Patterns.Hosting.Model;
using RestApi = Patterns.Hosting.Model.RestApi;

namespace Patterns.Hosting.Local;

/// <summary>
/// Brings a REST API's authorizers to the model: creates missing ones, patches changed ones, and
/// lets API Gateway invoke each TOKEN authorizer's function for that authorizer alone.
/// </summary>
internal sealed class AuthorizerProvisioner(ApiGatewayClient apiGateway, LambdaGrants grants, string region, string accountId)
{
    /// <param name="functionArns">The ARN of each TOKEN authorizer's function, by name.</param>
    /// <param name="userPoolArns">The ARN of each Cognito authorizer's user pool, by name.</param>
    /// <returns>Each authorizer's authorization by name, and whether anything changed (so the API must be deployed again).</returns>
    public async Task<(IReadOnlyDictionary<string, MethodAuthorization> Authorizations, bool Changed)> ProvisionAsync(
        RestApi api, string restApiId, IReadOnlyDictionary<string, string> functionArns, IReadOnlyDictionary<string, string> userPoolArns, CancellationToken cancellationToken)
    {
        var authorizations = new Dictionary<string, MethodAuthorization>(StringComparer.Ordinal);
        if (api.Authorizers.IsEmpty)
            return (authorizations, false);

        var existing = (await apiGateway.GetAllAuthorizersAsync(restApiId, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var changed = false;
        foreach (var authorizer in api.Authorizers)
        {
            var wanted = Wanted(authorizer, restApiId, functionArns, userPoolArns);
            string id;
            if (!existing.TryGetValue(authorizer.Name, out var current))
            {
                id = (await apiGateway.CreateAuthorizerAsync(wanted, cancellationToken).ConfigureAwait(false)).Id;
                changed = true;
            }
            else
            {
                id = current.Id;
                var patch = Differences(current, wanted);
                if (patch.Count > 0)
                {
                    await apiGateway.UpdateAuthorizerAsync(new UpdateAuthorizerRequest(restApiId, id, patch), cancellationToken).ConfigureAwait(false);
                    changed = true;
                }
            }
            if (authorizer.Kind == AuthorizerKind.Token)
            {
                await grants.GrantInvokeAsync(authorizer.ResourceName, "apigateway.amazonaws.com",
                    $"arn:aws:execute-api:{region}:{accountId}:{restApiId}/authorizers/{id}", cancellationToken).ConfigureAwait(false);
            }
            authorizations[authorizer.Name] = new MethodAuthorization(authorizer.Kind == AuthorizerKind.Token ? "CUSTOM" : "COGNITO_USER_POOLS", id);
        }
        return (authorizations, changed);
    }

    private CreateAuthorizerRequest Wanted(ApiAuthorizer authorizer, string restApiId, IReadOnlyDictionary<string, string> functionArns, IReadOnlyDictionary<string, string> userPoolArns) =>
        authorizer.Kind == AuthorizerKind.Token
            ? new CreateAuthorizerRequest(restApiId, authorizer.Name, "TOKEN")
            {
                AuthorizerUri = RestApiProvisioner.LambdaIntegrationUri(region, functionArns[authorizer.ResourceName]),
                IdentitySource = $"method.request.header.{authorizer.Header}",
                IdentityValidationExpression = authorizer.ValidationExpression,
                AuthorizerResultTtlInSeconds = (int)authorizer.ResultTtl.TotalSeconds,
            }
            : new CreateAuthorizerRequest(restApiId, authorizer.Name, "COGNITO_USER_POOLS")
            {
                ProviderARNs = [userPoolArns[authorizer.ResourceName]],
                IdentitySource = $"method.request.header.{authorizer.Header}",
                AuthorizerResultTtlInSeconds = (int)authorizer.ResultTtl.TotalSeconds,
            };

    private static List<PatchOperation> Differences(Authorizer current, CreateAuthorizerRequest wanted)
    {
        var patch = new List<PatchOperation>();
        void Replace(string path, string? now, string? then)
        {
            if (!string.Equals(now ?? "", then ?? "", StringComparison.Ordinal))
                patch.Add(new PatchOperation("replace", path, then ?? ""));
        }
        Replace("/type", current.Type, wanted.Type);
        Replace("/authorizerUri", current.AuthorizerUri, wanted.AuthorizerUri);
        Replace("/identitySource", current.IdentitySource, wanted.IdentitySource);
        Replace("/identityValidationExpression", current.IdentityValidationExpression, wanted.IdentityValidationExpression);
        Replace("/authorizerResultTtlInSeconds",
            current.AuthorizerResultTtlInSeconds?.ToString(CultureInfo.InvariantCulture), wanted.AuthorizerResultTtlInSeconds?.ToString(CultureInfo.InvariantCulture));
        if (wanted.ProviderARNs is { } providers && !(current.ProviderARNs ?? []).SequenceEqual(providers))
            patch.Add(new PatchOperation("replace", "/providerARNs", string.Join(',', providers)));
        return patch;
    }
}
