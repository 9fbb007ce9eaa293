using System.Net;
using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// A string value: equal strings match, case-sensitively. A string that is an IP address also
/// matches the same address written another way ("::1" and "0:0:0:0:0:0:0:1"), as EventBridge
/// compares IP addresses as addresses.
/// </summary>
internal sealed class ExactStringMatcher : ValueMatcher
{
    private readonly string _value;
    private readonly IPAddress? _address;

    public ExactStringMatcher(string value, bool compareAddresses)
    {
        _value = value;
        _address = compareAddresses ? CidrBlock.ParseAddress(value) : null;
    }

    public override bool Matches(JsonElement leaf)
    {
        if (leaf.ValueKind != JsonValueKind.String)
            return false;
        var text = leaf.GetString()!;
        if (string.Equals(text, _value, StringComparison.Ordinal))
            return true;
        return _address is not null && CidrBlock.ParseAddress(text) is { } address && address.Equals(_address);
    }
}
