using System.Security.Cryptography;
using System.Text;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.Lambda;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>
/// Lets API Gateway invoke each route's function (AddPermission, principal
/// apigateway.amazonaws.com), scoped as CDK scopes it: to the API, any stage, the route's
/// method and path. Statement ids are derived from the route, so a second run finds them.
/// </summary>
internal sealed class InvokePermissions(LambdaClient lambda, string region, string accountId)
{
    public async Task GrantAsync(RestApi api, string restApiId, IReadOnlyDictionary<string, ProvisionedFunction> functions, CancellationToken cancellationToken)
    {
        await Task.WhenAll(api.Routes.Select(route => GrantAsync(route, restApiId, functions[route.FunctionName], cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>arn:aws:execute-api:{region}:{account}:{apiId}/*/{METHOD}/{path, parameters as *}.</summary>
    public static string SourceArn(string region, string accountId, string restApiId, Route route)
    {
        var method = route.Method == "ANY" ? "*" : route.Method;
        var path = string.Join('/', route.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(part => part.StartsWith('{') ? "*" : part));
        return $"arn:aws:execute-api:{region}:{accountId}:{restApiId}/*/{method}/{path}";
    }

    public static string StatementId(string restApiId, Route route)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{route.Method} {route.Path}")))[..12];
        return $"apigateway-{restApiId}-{route.Method}-{hash}";
    }

    private async Task GrantAsync(Route route, string restApiId, ProvisionedFunction function, CancellationToken cancellationToken)
    {
        try
        {
            await lambda.AddPermissionAsync(
                new AddPermissionRequest(function.Name, StatementId(restApiId, route), "lambda:InvokeFunction", "apigateway.amazonaws.com")
                {
                    SourceArn = SourceArn(region, accountId, restApiId, route),
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == "ResourceConflictException")
        {
            // The statement id names this API, method and path: the grant is already in place.
        }
    }
}
