namespace Patterns.LocalCloud.Triggers.EventBridge.Rules;

/// <summary>A target's InputTransformer: named JSON paths into the event and the template they fill.</summary>
internal sealed record InputTransformer(IReadOnlyDictionary<string, string> InputPathsMap, string InputTemplate);
