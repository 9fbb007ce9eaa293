using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// Reads an event pattern into branches: lists of field conditions that must all hold. A pattern
/// without <c>$or</c> is one branch; each <c>$or</c> forks the branches built so far once per
/// alternative, so the pattern matches when any branch does. Validation follows EventBridge's:
/// what it refuses is refused here with its reason.
/// </summary>
internal static class EventPatternParser
{
    private const string Or = "$or";

    private static readonly HashSet<string> MatchKeywords =
        ["prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric", "exists", "cidr"];

    /// <exception cref="EventPatternException">The pattern is not one EventBridge accepts.</exception>
    public static IReadOnlyList<IReadOnlyList<FieldCondition>> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new EventPatternException($"Filter is not valid JSON: {exception.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new EventPatternException("Filter is not an object");
            var branches = new List<Dictionary<string, FieldCondition>> { new(StringComparer.Ordinal) };
            ParseObject(document.RootElement, "", branches, insideOr: false);
            return [.. branches.Select(b => (IReadOnlyList<FieldCondition>)[.. b.Values])];
        }
    }

    private static void ParseObject(JsonElement node, string path, List<Dictionary<string, FieldCondition>> branches, bool insideOr)
    {
        var any = false;
        foreach (var property in node.EnumerateObject())
        {
            any = true;
            if (property.Name == Or)
            {
                ParseOr(property.Value, path, branches);
                continue;
            }
            if (insideOr && MatchKeywords.Contains(property.Name))
                throw new EventPatternException($"{property.Name} is a reserved field name which cannot be used inside {Or}.");
            var fieldPath = path.Length == 0 ? property.Name : path + "." + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    ParseObject(property.Value, fieldPath, branches, insideOr);
                    break;
                case JsonValueKind.Array:
                    var condition = new FieldCondition(fieldPath, ParseValues(property.Value));
                    // A key given twice: the last one counts, as EventBridge documents.
                    foreach (var branch in branches)
                        branch[fieldPath] = condition;
                    break;
                default:
                    throw new EventPatternException($"\"{property.Name}\" must be an object or an array");
            }
        }
        if (!any)
            throw new EventPatternException("Empty objects are not allowed");
    }

    private static void ParseOr(JsonElement alternatives, string path, List<Dictionary<string, FieldCondition>> branches)
    {
        if (alternatives.ValueKind != JsonValueKind.Array)
            throw new EventPatternException($"It must be an Array followed with {Or}.");
        var before = branches.Select(b => new Dictionary<string, FieldCondition>(b, StringComparer.Ordinal)).ToList();
        var forked = new List<Dictionary<string, FieldCondition>>();
        var count = 0;
        foreach (var alternative in alternatives.EnumerateArray())
        {
            count++;
            if (alternative.ValueKind != JsonValueKind.Object)
                throw new EventPatternException($"Only JSON object is allowed in array of {Or} relationship.");
            var copies = before.Select(b => new Dictionary<string, FieldCondition>(b, StringComparer.Ordinal)).ToList();
            ParseObject(alternative, path, copies, insideOr: true);
            forked.AddRange(copies);
        }
        if (count < 2)
            throw new EventPatternException($"There must have at least 2 Objects in {Or} relationship.");
        branches.Clear();
        branches.AddRange(forked);
    }

    private static List<ValueMatcher> ParseValues(JsonElement values)
    {
        var matchers = new List<ValueMatcher>();
        foreach (var value in values.EnumerateArray())
        {
            matchers.Add(value.ValueKind switch
            {
                JsonValueKind.String => new ExactStringMatcher(value.GetString()!, compareAddresses: true),
                JsonValueKind.Number => new NumericEqualsMatcher(value.GetDouble()),
                JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => new LiteralMatcher(value.ValueKind),
                JsonValueKind.Object => ParseMatchExpression(value),
                _ => throw new EventPatternException("Match value must be String, number, true, false, or null"),
            });
        }
        if (matchers.Count == 0)
            throw new EventPatternException("Empty arrays are not allowed");
        return matchers;
    }

    private static ValueMatcher ParseMatchExpression(JsonElement expression)
    {
        var (name, value) = SingleProperty(expression, "Match expression name not found");
        return name switch
        {
            "prefix" => value.ValueKind == JsonValueKind.Object
                ? new PrefixMatcher(IgnoreCaseOperand(value, "prefix"), ignoreCase: true)
                : new PrefixMatcher(RequireString(value, "prefix match pattern must be a string"), ignoreCase: false),
            "suffix" => value.ValueKind == JsonValueKind.Object
                ? new SuffixMatcher(IgnoreCaseOperand(value, "suffix"), ignoreCase: true)
                : new SuffixMatcher(RequireString(value, "suffix match pattern must be a string"), ignoreCase: false),
            "equals-ignore-case" => new EqualsIgnoreCaseMatcher(RequireString(value, "equals-ignore-case match pattern must be a string")),
            "wildcard" => WildcardMatcher.Create(RequireString(value, "wildcard match pattern must be a string")),
            "anything-but" => ParseAnythingBut(value),
            "numeric" => ParseNumeric(value),
            "exists" => value.ValueKind switch
            {
                JsonValueKind.True => new ExistsMatcher(true),
                JsonValueKind.False => new ExistsMatcher(false),
                _ => throw new EventPatternException("exists match pattern must be either true or false."),
            },
            "cidr" => new CidrMatcher(CidrBlock.TryParse(RequireString(value, "cidr match pattern must be a string"))
                ?? throw new EventPatternException($"Malformed CIDR \"{value.GetString()}\": expected an IPv4 or IPv6 address, a slash and a prefix length.")),
            _ => throw new EventPatternException($"Unrecognized match type {name}"),
        };
    }

    private static string IgnoreCaseOperand(JsonElement value, string operation)
    {
        var (name, operand) = SingleProperty(value, $"{char.ToUpperInvariant(operation[0])}{operation[1..]} expression name not found");
        if (name != "equals-ignore-case")
            throw new EventPatternException($"Unsupported {operation} pattern: {name}");
        return RequireString(operand, "equals-ignore-case match pattern must be a string");
    }

    private static AnythingButMatcher ParseAnythingBut(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new AnythingButMatcher([new ExactStringMatcher(value.GetString()!, compareAddresses: false)]);
            case JsonValueKind.Number:
                return new AnythingButMatcher([new NumericEqualsMatcher(value.GetDouble())]);
            case JsonValueKind.Array:
                var excluded = new List<ValueMatcher>();
                bool strings = false, numbers = false;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        strings = true;
                        excluded.Add(new ExactStringMatcher(item.GetString()!, compareAddresses: false));
                    }
                    else if (item.ValueKind == JsonValueKind.Number)
                    {
                        numbers = true;
                        excluded.Add(new NumericEqualsMatcher(item.GetDouble()));
                    }
                    else
                    {
                        throw new EventPatternException("Inside anything but list, start|null|boolean is not supported.");
                    }
                }
                if (strings == numbers)
                    throw new EventPatternException("Inside anything but list, either all values are number or string, mixed type is not supported");
                return new AnythingButMatcher(excluded);
            case JsonValueKind.Object:
                var (operation, operand) = SingleProperty(value, "Anything-But expression name not found");
                Func<string, ValueMatcher> exclusion = operation switch
                {
                    "prefix" => text => new PrefixMatcher(NonEmpty(text), ignoreCase: false),
                    "suffix" => text => new SuffixMatcher(NonEmpty(text), ignoreCase: false),
                    "equals-ignore-case" => text => new EqualsIgnoreCaseMatcher(text),
                    "wildcard" => WildcardMatcher.Create,
                    _ => throw new EventPatternException($"Unsupported anything-but pattern: {operation}"),
                };
                var message = $"anything-but {operation} match pattern must be a string or a list of strings";
                if (operand.ValueKind == JsonValueKind.Array)
                {
                    var list = operand.EnumerateArray().Select(item => exclusion(RequireString(item, message))).ToList();
                    return list.Count == 0 ? throw new EventPatternException(message) : new AnythingButMatcher(list);
                }
                return new AnythingButMatcher([exclusion(RequireString(operand, message))]);
            default:
                throw new EventPatternException("Value of anything-but must be an array or single string/number value.");
        }
    }

    private static string NonEmpty(string text) =>
        text.Length == 0 ? throw new EventPatternException("Null prefix/suffix not allowed") : text;

    private static NumericRangeMatcher ParseNumeric(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw new EventPatternException("Value of numeric must be an array.");
        var terms = value.EnumerateArray().ToList();
        if (terms.Count == 0 || terms[0].ValueKind != JsonValueKind.String)
            throw new EventPatternException($"Invalid member in numeric match: {(terms.Count == 0 ? "[]" : terms[0].GetRawText())}");
        var first = terms[0].GetString()!;
        double Operand(int index, string op) =>
            index < terms.Count && terms[index].ValueKind == JsonValueKind.Number
                ? terms[index].GetDouble()
                : throw new EventPatternException($"Value of {op} must be numeric");
        void End(int count)
        {
            if (terms.Count > count)
                throw new EventPatternException("Too many elements in numeric expression");
        }
        switch (first)
        {
            case "=":
                var equal = Operand(1, first);
                End(2);
                return new NumericRangeMatcher(equal, true, equal, true);
            case "<" or "<=":
                var top = Operand(1, first);
                End(2);
                return new NumericRangeMatcher(null, false, top, first == "<=");
            case ">" or ">=":
                var bottom = Operand(1, first);
                if (terms.Count == 2)
                    return new NumericRangeMatcher(bottom, first == ">=", null, false);
                if (terms[2].ValueKind != JsonValueKind.String)
                    throw new EventPatternException($"Bad value in numeric range: {terms[2].GetRawText()}");
                var second = terms[2].GetString()!;
                if (second is not ("<" or "<="))
                    throw new EventPatternException($"Bad numeric range operator: {second}");
                var upper = Operand(3, second);
                End(4);
                return new NumericRangeMatcher(bottom, first == ">=", upper, second == "<=");
            default:
                throw new EventPatternException($"Unrecognized numeric range operator: {first}");
        }
    }

    private static (string Name, JsonElement Value) SingleProperty(JsonElement expression, string missing)
    {
        using var properties = expression.EnumerateObject();
        if (!properties.MoveNext())
            throw new EventPatternException(missing);
        var first = properties.Current;
        if (properties.MoveNext())
            throw new EventPatternException("Only one key allowed in match expression");
        return (first.Name, first.Value);
    }

    private static string RequireString(JsonElement value, string message) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new EventPatternException(message);
}
