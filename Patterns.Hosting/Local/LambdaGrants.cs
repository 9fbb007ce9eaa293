using System.Security.Cryptography;
using System.Text;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.Lambda;

namespace Patterns.Hosting.Local;

/// <summary>
/// Lets an AWS service invoke a function for one source (AddPermission): the resource policy
/// statement a trigger needs in AWS, and locally too, since the local cloud checks it as AWS does.
/// Statement ids are derived from the grant, so a second run finds them in place.
/// </summary>
internal sealed class LambdaGrants(LambdaClient lambda, string accountId)
{
    /// <param name="principal">events.amazonaws.com, sns.amazonaws.com, s3.amazonaws.com, apigateway.amazonaws.com.</param>
    public async Task GrantInvokeAsync(string functionName, string principal, string sourceArn, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{principal} {sourceArn}")))[..16];
        var service = principal.Split('.')[0];
        try
        {
            await lambda.AddPermissionAsync(
                new AddPermissionRequest(functionName, $"{service}-{hash}", "lambda:InvokeFunction", principal)
                {
                    SourceArn = sourceArn,
                    // An S3 bucket ARN names no account; AWS recommends pinning it.
                    SourceAccount = service == "s3" ? accountId : null,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == "ResourceConflictException")
        {
            // The statement id names this principal and source: the grant is already in place.
        }
    }
}
