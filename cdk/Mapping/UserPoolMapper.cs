using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using ModelUserPool = Patterns.Hosting.Model.UserPool;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model user pool → a Cognito user pool named as in the model (pool names need not be
/// unique), where users sign in with their email address as user name and only an
/// administrator creates them (no self sign-up); email addresses are verified and recover
/// accounts. Its id is a stack output and the referencing functions' environment. Deleted with
/// the stack, users and all: these are workshop users, not accounts to keep.
/// </summary>
internal sealed class UserPoolMapper : ResourceMapper<ModelUserPool, MappedUserPool>
{
    protected override MappedUserPool Map(ModelUserPool pool, MappingContext context)
    {
        var construct = new UserPool(context.Stack, pool.Name, new UserPoolProps
        {
            UserPoolName = pool.Name,
            SignInAliases = new SignInAliases { Email = true },
            AutoVerify = new AutoVerifiedAttrs { Email = true },
            SelfSignUpEnabled = false,
            AccountRecovery = AccountRecovery.EMAIL_ONLY,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        new CfnOutput(construct, "IdOutput", new CfnOutputProps
        {
            Value = construct.UserPoolId,
            Description = $"The id of the {pool.Name} user pool",
        }).OverrideLogicalId(OutputIds.For(pool.Name, "UserPoolId"));
        return new MappedUserPool(construct);
    }
}
