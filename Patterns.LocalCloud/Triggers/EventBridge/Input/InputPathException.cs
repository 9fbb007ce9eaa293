namespace Patterns.LocalCloud.Triggers.EventBridge.Input;

/// <summary>An InputPath or an InputPathsMap value that is not a JSON path EventBridge supports.</summary>
internal sealed class InputPathException(string path, string reason)
    : Exception($"\"{path}\" is not a JSON path EventBridge supports: {reason}. Use dot notation from $ (e.g. $.detail.items[0].name, $.detail.items[*].id).");
