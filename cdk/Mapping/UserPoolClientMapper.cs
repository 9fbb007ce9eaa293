using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using ModelUserPoolClient = Patterns.Hosting.Model.UserPoolClient;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model app client → a Cognito app client of its pool, named as in the model: no secret,
/// sign-in with a password by the user (USER_PASSWORD_AUTH) or an administrator
/// (ADMIN_USER_PASSWORD_AUTH), and refresh (which Cognito always allows). No OAuth: CDK would
/// otherwise enable the authorization-code and implicit grants with an example.com callback.
/// Its id is a stack output and the referencing functions' environment.
/// </summary>
internal sealed class UserPoolClientMapper : ResourceMapper<ModelUserPoolClient, MappedUserPoolClient>
{
    protected override MappedUserPoolClient Map(ModelUserPoolClient client, MappingContext context)
    {
        var pool = context.Get<MappedUserPool>(client.UserPoolName, client).Pool;
        var construct = new UserPoolClient(context.Stack, client.Name, new UserPoolClientProps
        {
            UserPool = pool,
            UserPoolClientName = client.Name,
            GenerateSecret = false,
            AuthFlows = new AuthFlow { UserPassword = true, AdminUserPassword = true },
            DisableOAuth = true,
        });
        new CfnOutput(construct, "IdOutput", new CfnOutputProps
        {
            Value = construct.UserPoolClientId,
            Description = $"The client id of the {client.Name} app client",
        }).OverrideLogicalId(OutputIds.For(client.Name, "ClientId"));
        return new MappedUserPoolClient(construct);
    }
}
