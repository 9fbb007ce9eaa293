namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// Reads identity source values from a request. A value that is missing or empty counts as
/// absent, as API Gateway treats it: the authorizer then answers 401 without being invoked.
/// </summary>
internal static class IdentitySourceReader
{
    public static string? Read(IdentitySource source, AuthorizationRequest request)
    {
        var value = source.Kind switch
        {
            IdentitySourceKind.Header => request.Request.Header(source.Name),
            IdentitySourceKind.QueryString => QueryStringParser.Parse(request.Request.Target.RawQuery)
                .Where(parameter => string.Equals(parameter.Key, source.Name, StringComparison.Ordinal))
                .Select(parameter => parameter.Value[^1])
                .LastOrDefault(),
            IdentitySourceKind.StageVariable => request.Api.StageVariables is { } variables && variables.TryGetValue(source.Name, out var variable) ? variable : null,
            IdentitySourceKind.Context => RequestContextVariables.Get(source.Name, request),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Every source's value in order, or null as soon as one is absent (<paramref name="missing"/> names it).</summary>
    public static IReadOnlyList<string>? ReadAll(IReadOnlyList<IdentitySource> sources, AuthorizationRequest request, out IdentitySource? missing)
    {
        var values = new List<string>(sources.Count);
        foreach (var source in sources)
        {
            if (Read(source, request) is not { } value)
            {
                missing = source;
                return null;
            }
            values.Add(value);
        }
        missing = null;
        return values;
    }
}
