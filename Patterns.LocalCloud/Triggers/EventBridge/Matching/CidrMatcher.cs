using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary><c>{"cidr": "10.0.0.0/24"}</c>: string values that are IP addresses of the same family inside the block.</summary>
internal sealed class CidrMatcher(CidrBlock block) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.String && CidrBlock.ParseAddress(leaf.GetString()!) is { } address && block.Contains(address);
}
