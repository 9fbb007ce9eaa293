using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>An IPv4 or IPv6 address block (address/prefix length).</summary>
internal sealed class CidrBlock
{
    private readonly byte[] _network;
    private readonly int _prefixLength;

    private CidrBlock(byte[] network, int prefixLength, AddressFamily family)
    {
        _network = network;
        _prefixLength = prefixLength;
        Family = family;
    }

    public AddressFamily Family { get; }

    /// <summary>The block "address/length"; null when it is not one.</summary>
    public static CidrBlock? TryParse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || ParseAddress(text[..slash]) is not { } address)
            return null;
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var lengthText = text[(slash + 1)..];
        if (lengthText.Length == 0 || !lengthText.All(char.IsAsciiDigit)
            || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > bits)
            return null;
        return new CidrBlock(address.GetAddressBytes(), length, address.AddressFamily);
    }

    /// <summary>
    /// An IPv4 address in dotted-quad form or an IPv6 address; null otherwise. Stricter than
    /// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>, which also reads "1" as 0.0.0.1.
    /// </summary>
    public static IPAddress? ParseAddress(string text)
    {
        if (text.Contains(':'))
            return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 && v6.ScopeId == 0 ? v6 : null;
        var parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit) || int.Parse(p, CultureInfo.InvariantCulture) > 255))
            return null;
        return IPAddress.Parse(text);
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Family)
            return false;
        var bytes = address.GetAddressBytes();
        var whole = _prefixLength / 8;
        for (var i = 0; i < whole; i++)
            if (bytes[i] != _network[i])
                return false;
        var rest = _prefixLength % 8;
        if (rest == 0)
            return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[whole] & mask) == (_network[whole] & mask);
    }
}
