namespace Patterns.Hosting.Local;

/// <summary>A resource of the model could not be created or updated.</summary>
public sealed class ProvisioningException(string resourceKind, string resourceName, Exception inner)
    : Exception($"Could not provision {resourceKind} {resourceName}: {inner.Message}", inner)
{
    public string ResourceKind { get; } = resourceKind;

    public string ResourceName { get; } = resourceName;
}
