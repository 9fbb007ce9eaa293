namespace Patterns.Tests.AwsClients;

/// <summary>A query-protocol body decoded into its parameters, in the order they were sent.</summary>
internal static class QueryForm
{
    public static List<(string Name, string Value)> Parse(string body) =>
        [.. body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(parameter =>
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            return (Uri.UnescapeDataString(parameter[..equals].Replace('+', ' ')), Uri.UnescapeDataString(parameter[(equals + 1)..].Replace('+', ' ')));
        })];
}
