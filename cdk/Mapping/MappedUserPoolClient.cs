using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.IAM;
using ResourceAccess = Patterns.Hosting.Model.ResourceAccess;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A deployed app client: referencing it gives its client id, and no permission at any level.
/// The id is public by design (a client without a secret is used from browsers and phones): the
/// calls made with it (InitiateAuth, checking a token's aud or client_id) are unsigned, and
/// managing the client is not something a function of the app does.
/// </summary>
internal sealed record MappedUserPoolClient(UserPoolClient Client) : IReferenceTarget
{
    private static readonly AccessActions Actions = new(Read: [], Write: []);

    public string Identifier => Client.UserPoolClientId;

    public IReadOnlyList<PolicyStatement> Grant(ResourceAccess access) => Actions.Statements(access);
}
