namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// One statement of an authorizer's policy document. Actions and resources are IAM wildcard
/// patterns; with <paramref name="NotAction"/> or <paramref name="NotResource"/> the statement
/// applies to what its patterns do not match.
/// </summary>
internal sealed record PolicyStatement(bool IsAllow, IReadOnlyList<string> Actions, bool NotAction, IReadOnlyList<string> Resources, bool NotResource)
{
    /// <summary>The one action API Gateway asks about for every request.</summary>
    public const string InvokeAction = "execute-api:Invoke";

    public bool AppliesTo(string methodArn) =>
        Actions.Any(action => WildcardPattern.Matches(action, InvokeAction, StringComparison.OrdinalIgnoreCase)) != NotAction
        && Resources.Any(resource => WildcardPattern.Matches(resource, methodArn, StringComparison.Ordinal)) != NotResource;
}
