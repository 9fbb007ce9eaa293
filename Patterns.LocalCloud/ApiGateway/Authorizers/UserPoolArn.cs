using System.Diagnostics.CodeAnalysis;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>A Cognito user pool a COGNITO_USER_POOLS authorizer trusts, from its ARN arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}.</summary>
internal readonly record struct UserPoolArn(string Region, string PoolId)
{
    /// <summary>The iss claim of the pool's tokens.</summary>
    public string Issuer => $"https://cognito-idp.{Region}.amazonaws.com/{PoolId}";

    public static bool TryParse(string arn, [NotNullWhen(true)] out UserPoolArn? pool)
    {
        pool = null;
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "cognito-idp" || !parts[5].StartsWith("userpool/", StringComparison.Ordinal))
            return false;
        var poolId = parts[5]["userpool/".Length..];
        if (poolId.Length == 0 || parts[3].Length == 0)
            return false;
        pool = new UserPoolArn(parts[3], poolId);
        return true;
    }
}
