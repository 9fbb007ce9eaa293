using System.Text.Json;
using Patterns.LocalCloud.Triggers.EventBridge.Matching;

namespace Patterns.Tests.LocalCloud.Triggers.EventBridge;

/// <summary>The event-pattern language, operator by operator, matching and not matching one event.</summary>
public sealed class EventPatternTests
{
    private const string Event = """
        {
          "version": "0",
          "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
          "detail-type": "Order Placed",
          "source": "com.orders",
          "account": "111122223333",
          "time": "2017-12-22T18:43:48Z",
          "region": "us-east-1",
          "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0", "arn:aws:s3:::bucket/key"],
          "detail": {
            "state": "running",
            "count": 5,
            "price": 301.8,
            "enabled": true,
            "nothing": null,
            "empty": "",
            "ip": "10.0.0.33",
            "ipv6": "2001:db8::ff00:42:8329",
            "file": "photos/Cat.PNG",
            "star": "a*b",
            "owner": "123456789012",
            "tags": ["red", "green"],
            "items": [{ "sku": "a", "qty": 1 }, { "sku": "b", "qty": 7 }],
            "nested": { "level": { "deep": "yes" } },
            "emptyList": [],
            "c-count": { "c1": 100 }
          }
        }
        """;

    public static TheoryData<string, string, bool> Cases => new()
    {
        // Exact values: strings case-sensitively, numbers by value, literals by kind.
        { "exact string", """{"source":["com.orders"]}""", true },
        { "exact string, another value", """{"source":["com.other"]}""", false },
        { "exact string is case-sensitive", """{"source":["COM.ORDERS"]}""", false },
        { "one of several values", """{"source":["aws.ec2","com.orders"]}""", true },
        { "number", """{"detail":{"count":[5]}}""", true },
        { "number compared by value", """{"detail":{"count":[5.0]}}""", true },
        { "number in exponent form", """{"detail":{"price":[3.018e2]}}""", true },
        { "a string never equals a number", """{"detail":{"count":["5"]}}""", false },
        { "a long number-like string", """{"detail":{"owner":["123456789012"]}}""", true },
        { "boolean", """{"detail":{"enabled":[true]}}""", true },
        { "boolean is not the string", """{"detail":{"enabled":["true"]}}""", false },
        { "null", """{"detail":{"nothing":[null]}}""", true },
        { "null is not the empty string", """{"detail":{"empty":[null]}}""", false },
        { "empty string", """{"detail":{"empty":[""]}}""", true },
        { "array in the event: any element", """{"resources":["arn:aws:s3:::bucket/key"]}""", true },
        { "array in the event: intersection", """{"detail":{"tags":["blue","green"]}}""", true },
        { "array in the event: no element", """{"detail":{"tags":["blue"]}}""", false },
        { "nested objects", """{"detail":{"nested":{"level":{"deep":["yes"]}}}}""", true },
        { "an object is not a leaf value", """{"detail":{"nested":{"level":["yes"]}}}""", false },
        { "missing field", """{"detail":{"absent":["x"]}}""", false },
        { "all fields must match", """{"source":["com.orders"],"detail-type":["Nope"]}""", false },
        { "IP addresses compare as addresses", """{"detail":{"ipv6":["2001:0db8:0000:0000:0000:ff00:0042:8329"]}}""", true },

        // prefix / suffix / equals-ignore-case / wildcard: strings only.
        { "prefix", """{"time":[{"prefix":"2017-12-22"}]}""", true },
        { "prefix, no match", """{"time":[{"prefix":"2018"}]}""", false },
        { "prefix never matches a number", """{"detail":{"count":[{"prefix":"5"}]}}""", false },
        { "prefix ignoring case", """{"detail":{"file":[{"prefix":{"equals-ignore-case":"PHOTOS/"}}]}}""", true },
        { "suffix", """{"detail":{"file":[{"suffix":".PNG"}]}}""", true },
        { "suffix is case-sensitive", """{"detail":{"file":[{"suffix":".png"}]}}""", false },
        { "suffix ignoring case", """{"detail":{"file":[{"suffix":{"equals-ignore-case":".png"}}]}}""", true },
        { "equals-ignore-case", """{"detail-type":[{"equals-ignore-case":"order placed"}]}""", true },
        { "equals-ignore-case is still whole-value", """{"detail-type":[{"equals-ignore-case":"order"}]}""", false },
        { "wildcard", """{"detail":{"file":[{"wildcard":"photos/*.PNG"}]}}""", true },
        { "wildcard, no match", """{"detail":{"file":[{"wildcard":"*/Dog.*"}]}}""", false },
        { "wildcard with an escaped asterisk", """{"detail":{"star":[{"wildcard":"a\\*b"}]}}""", true },
        { "an escaped asterisk is literal", """{"detail":{"file":[{"wildcard":"photos/\\*"}]}}""", false },

        // anything-but.
        { "anything-but a string", """{"detail":{"state":[{"anything-but":"stopped"}]}}""", true },
        { "anything-but the value", """{"detail":{"state":[{"anything-but":"running"}]}}""", false },
        { "anything-but a list of strings", """{"detail":{"state":[{"anything-but":["stopped","running"]}]}}""", false },
        { "anything-but a list of numbers", """{"detail":{"count":[{"anything-but":[1,2,3]}]}}""", true },
        { "anything-but a number", """{"detail":{"count":[{"anything-but":5}]}}""", false },
        { "anything-but a prefix", """{"detail":{"state":[{"anything-but":{"prefix":"run"}}]}}""", false },
        { "anything-but a suffix", """{"detail":{"state":[{"anything-but":{"suffix":"ed"}}]}}""", true },
        { "anything-but ignoring case", """{"detail":{"state":[{"anything-but":{"equals-ignore-case":"RUNNING"}}]}}""", false },
        { "anything-but a wildcard", """{"detail":{"file":[{"anything-but":{"wildcard":"*/Dog.*"}}]}}""", true },
        { "anything-but a list of prefixes", """{"detail":{"state":[{"anything-but":{"prefix":["stop","run"]}}]}}""", false },
        { "anything-but with an array: another element matches", """{"detail":{"tags":[{"anything-but":"red"}]}}""", true },
        { "anything-but needs a value", """{"detail":{"absent":[{"anything-but":"x"}]}}""", false },

        // numeric.
        { "numeric range", """{"detail":{"count":[{"numeric":[">",0,"<=",5]}]}}""", true },
        { "numeric greater than", """{"detail":{"count":[{"numeric":[">",5]}]}}""", false },
        { "numeric greater or equal", """{"detail":{"count":[{"numeric":[">=",5]}]}}""", true },
        { "numeric less than, at the bound", """{"detail":{"price":[{"numeric":["<",301.8]}]}}""", false },
        { "numeric less or equal, at the bound", """{"detail":{"price":[{"numeric":["<=",301.8]}]}}""", true },
        { "numeric equals", """{"detail":{"count":[{"numeric":["=",5]}]}}""", true },
        { "numeric never matches a string", """{"detail":{"state":[{"numeric":[">",0]}]}}""", false },
        { "numeric over objects in an array", """{"detail":{"items":{"qty":[{"numeric":[">",5]}]}}}""", true },

        // exists.
        { "exists true", """{"detail":{"state":[{"exists":true}]}}""", true },
        { "exists true, missing", """{"detail":{"absent":[{"exists":true}]}}""", false },
        { "exists false, missing", """{"detail":{"absent":[{"exists":false}]}}""", true },
        { "exists false, present", """{"detail":{"state":[{"exists":false}]}}""", false },
        { "a null value exists", """{"detail":{"nothing":[{"exists":true}]}}""", true },
        { "an empty array has no value", """{"detail":{"emptyList":[{"exists":false}]}}""", true },
        { "exists looks at leaves, not objects", """{"detail":{"c-count":[{"exists":false}]}}""", true },
        { "exists false under a missing object", """{"nothere":{"deep":[{"exists":false}]}}""", true },

        // cidr.
        { "IPv4 cidr", """{"detail":{"ip":[{"cidr":"10.0.0.0/24"}]}}""", true },
        { "IPv4 cidr, outside", """{"detail":{"ip":[{"cidr":"10.0.1.0/24"}]}}""", false },
        { "IPv6 cidr", """{"detail":{"ipv6":[{"cidr":"2001:db8::/32"}]}}""", true },
        { "IPv6 cidr, outside", """{"detail":{"ipv6":[{"cidr":"2001:db9::/32"}]}}""", false },
        { "an IPv4 block never holds an IPv6 address", """{"detail":{"ipv6":[{"cidr":"0.0.0.0/0"}]}}""", false },

        // $or, at any level.
        { "$or at the top", """{"$or":[{"source":["nope"]},{"detail":{"count":[5]}}]}""", true },
        { "$or, no alternative", """{"$or":[{"source":["nope"]},{"detail":{"count":[6]}}]}""", false },
        { "$or nested, with a sibling field", """{"source":["com.orders"],"detail":{"$or":[{"state":["stopped"]},{"tags":["red"]}]}}""", true },
        { "$or inside $or", """{"$or":[{"source":["nope"]},{"$or":[{"region":["eu-west-1"]},{"detail":{"enabled":[true]}}]}]}""", true },

        // Fields of objects in one array combine only within one element.
        { "fields of one array element", """{"detail":{"items":{"sku":["a"],"qty":[1]}}}""", true },
        { "fields of different array elements", """{"detail":{"items":{"sku":["a"],"qty":[7]}}}""", false },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "{}", "Empty objects are not allowed" },
        { "[]", "Filter is not an object" },
        { "not json", "Filter is not valid JSON" },
        { """{"source":"x"}""", "\"source\" must be an object or an array" },
        { """{"source":[]}""", "Empty arrays are not allowed" },
        { """{"source":[["x"]]}""", "Match value must be String, number, true, false, or null" },
        { """{"source":[{"prefix":1}]}""", "prefix match pattern must be a string" },
        { """{"source":[{"contains":"x"}]}""", "Unrecognized match type contains" },
        { """{"source":[{"prefix":"a","suffix":"b"}]}""", "Only one key allowed in match expression" },
        { """{"x":[{"numeric":[">",1,">",2]}]}""", "Bad numeric range operator: >" },
        { """{"x":[{"numeric":["<",1,"<",2]}]}""", "Too many elements in numeric expression" },
        { """{"x":[{"numeric":["=","a"]}]}""", "Value of = must be numeric" },
        { """{"x":[{"numeric":["!=",1]}]}""", "Unrecognized numeric range operator: !=" },
        { """{"x":[{"anything-but":["a",1]}]}""", "mixed type is not supported" },
        { """{"x":[{"anything-but":{"prefix":""}}]}""", "Null prefix/suffix not allowed" },
        { """{"x":[{"anything-but":{"contains":"a"}}]}""", "Unsupported anything-but pattern: contains" },
        { """{"x":[{"anything-but":null}]}""", "Value of anything-but must be an array or single string/number value." },
        { """{"x":[{"exists":"yes"}]}""", "exists match pattern must be either true or false." },
        { """{"x":[{"cidr":"10.0.0.0/33"}]}""", "Malformed CIDR" },
        { """{"x":[{"wildcard":"a**b"}]}""", "Consecutive wildcard characters" },
        { """{"x":[{"wildcard":"a\\b"}]}""", "Invalid escape character" },
        { """{"$or":[{"a":["x"]}]}""", "There must have at least 2 Objects in $or relationship." },
        { """{"$or":{"a":["x"]}}""", "It must be an Array followed with $or." },
        { """{"$or":[{"prefix":["x"]},{"a":["y"]}]}""", "prefix is a reserved field name" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pattern_matches_as_EventBridge_does(string why, string pattern, bool expected)
    {
        using var @event = JsonDocument.Parse(Event);
        Assert.True(EventPattern.Parse(pattern).Matches(@event.RootElement) == expected, $"{why}: {pattern} should {(expected ? "" : "not ")}match.");
    }

    [Fact]
    public void The_table_covers_every_operator_matching_and_not_matching()
    {
        var cases = Cases.Select(c => ((string)c[1], (bool)c[2])).ToList();
        Assert.True(cases.Count >= 40);
        foreach (var op in new[] { "prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric", "exists", "cidr", "$or" })
        {
            Assert.Contains(cases, c => c.Item1.Contains($"\"{op}\"", StringComparison.Ordinal) && c.Item2);
            Assert.Contains(cases, c => c.Item1.Contains($"\"{op}\"", StringComparison.Ordinal) && !c.Item2);
        }
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_malformed_pattern_is_refused_with_the_reason(string pattern, string reason)
    {
        var error = Assert.Throws<EventPatternException>(() => EventPattern.Parse(pattern));
        Assert.StartsWith("Event pattern is not valid. Reason: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_counts_with_its_last_value()
    {
        using var @event = JsonDocument.Parse(Event);
        var pattern = EventPattern.Parse("""{"detail":{"state":[{"prefix":"stop"}],"state":[{"anything-but":"stopped"}]}}""");
        Assert.True(pattern.Matches(@event.RootElement));
    }
}
