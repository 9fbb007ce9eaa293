using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// A leaf value of a flattened event and where it sits in the event's arrays: for each array on
/// its way from the root, that array's number and the element's index.
/// </summary>
internal readonly record struct EventLeaf(JsonElement Value, IReadOnlyList<(int Array, int Index)> Positions);
