using System.Text.Json.Serialization;

namespace Patterns.AwsClients.Lambda;

/// <summary>
/// AddPermission's input: a statement in the function's resource policy that lets
/// <paramref name="Principal"/> (e.g. apigateway.amazonaws.com) perform <paramref name="Action"/>.
/// </summary>
/// <param name="StatementId">Unique within the policy; letters, digits, '-' and '_'.</param>
/// <param name="Action">e.g. lambda:InvokeFunction.</param>
public sealed record AddPermissionRequest(
    [property: JsonIgnore] string FunctionName,
    string StatementId,
    string Action,
    string Principal)
{
    /// <summary>The ARN allowed to invoke, e.g. arn:aws:execute-api:region:account:apiId/*/GET/products.</summary>
    public string? SourceArn { get; init; }

    public string? SourceAccount { get; init; }

    public string? EventSourceToken { get; init; }

    public string? PrincipalOrgID { get; init; }

    public string? RevisionId { get; init; }

    /// <summary>A version or alias; sent in the query string.</summary>
    [JsonIgnore]
    public string? Qualifier { get; init; }
}
