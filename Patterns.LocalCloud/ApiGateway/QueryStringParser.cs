namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// Splits a raw query string the way REST APIs give it to proxy integrations: names and values
/// form-decoded ('+' is a space, %XX decoded), a name without '=' has the value "", names keep
/// their first-seen order and every value its order.
/// </summary>
internal static class QueryStringParser
{
    public static List<KeyValuePair<string, List<string>>> Parse(string rawQuery)
    {
        var parameters = new List<KeyValuePair<string, List<string>>>();
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            var index = parameters.FindIndex(existing => string.Equals(existing.Key, name, StringComparison.Ordinal));
            if (index < 0)
                parameters.Add(new KeyValuePair<string, List<string>>(name, [value]));
            else
                parameters[index].Value.Add(value);
        }
        return parameters;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
