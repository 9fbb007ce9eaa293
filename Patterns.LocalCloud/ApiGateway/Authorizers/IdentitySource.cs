using System.Diagnostics.CodeAnalysis;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>One identity source expression of an authorizer, e.g. <c>method.request.header.Authorization</c>.</summary>
/// <param name="Name">The header, query string parameter, stage variable or context variable it names.</param>
internal readonly record struct IdentitySource(IdentitySourceKind Kind, string Name)
{
    private static readonly (string Prefix, IdentitySourceKind Kind)[] Prefixes =
    [
        ("method.request.header.", IdentitySourceKind.Header),
        ("method.request.querystring.", IdentitySourceKind.QueryString),
        ("stageVariables.", IdentitySourceKind.StageVariable),
        ("context.", IdentitySourceKind.Context),
    ];

    public override string ToString()
    {
        var kind = Kind;
        return Prefixes.First(prefix => prefix.Kind == kind).Prefix + Name;
    }

    /// <summary>
    /// Parses a comma-separated list of expressions (spaces around commas allowed, as API Gateway
    /// accepts them). An empty or missing list is no sources.
    /// </summary>
    public static bool TryParseList(string? expressions, [NotNullWhen(true)] out IReadOnlyList<IdentitySource>? sources, [NotNullWhen(false)] out string? problem)
    {
        var parsed = new List<IdentitySource>();
        foreach (var expression in (expressions ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Prefixes.FirstOrDefault(prefix => expression.StartsWith(prefix.Prefix, StringComparison.Ordinal) && expression.Length > prefix.Prefix.Length);
            if (match.Prefix is null)
            {
                sources = null;
                problem = $"the identity source '{expression}' is not one of method.request.header.<name>, method.request.querystring.<name>, stageVariables.<name> or context.<name>";
                return false;
            }
            parsed.Add(new IdentitySource(match.Kind, expression[match.Prefix.Length..]));
        }
        sources = parsed;
        problem = null;
        return true;
    }
}
