namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// The ARN API Gateway authorizes a request as:
/// <c>arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}</c>, the path being
/// the one requested (not the resource template) without its leading slash, so the root is
/// <c>…/GET/</c>.
/// </summary>
internal static class MethodArn
{
    public static string For(string region, string accountId, string apiId, string stage, string httpMethod, string resourcePath) =>
        $"arn:aws:execute-api:{region}:{accountId}:{apiId}/{stage}/{httpMethod}/{resourcePath.TrimStart('/')}";
}
