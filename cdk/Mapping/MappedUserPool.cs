using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.IAM;
using ResourceAccess = Patterns.Hosting.Model.ResourceAccess;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A deployed user pool: referencing it gives its id. Read grants nothing, and rightly: what a
/// function reads of a pool is the key set that verifies its tokens, which Cognito serves to
/// anyone at https://cognito-idp.{region}.amazonaws.com/{poolId}/.well-known/jwks.json. Write is
/// administering that pool's users (create, set password, update, confirm, delete).
/// </summary>
internal sealed record MappedUserPool(UserPool Pool) : IReferenceTarget
{
    private static readonly AccessActions Actions = new(
        Read: [],
        Write:
        [
            "cognito-idp:AdminCreateUser", "cognito-idp:AdminSetUserPassword", "cognito-idp:AdminUpdateUserAttributes",
            "cognito-idp:AdminConfirmSignUp", "cognito-idp:AdminDeleteUser",
        ]);

    public string Identifier => Pool.UserPoolId;

    public IReadOnlyList<PolicyStatement> Grant(ResourceAccess access) => Actions.Statements(access, Pool.UserPoolArn);
}
