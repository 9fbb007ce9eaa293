using System.Collections.Immutable;

namespace Patterns.Hosting.Local;

/// <summary>What provisioning a model created or found, per resource kind, in model order.</summary>
public sealed record ProvisionedApp(
    ImmutableArray<ProvisionedTable> Tables,
    ImmutableArray<ProvisionedFunction> Functions,
    ImmutableArray<ProvisionedRestApi> RestApis)
{
    /// <exception cref="KeyNotFoundException">No REST API of that name in the model.</exception>
    public ProvisionedRestApi RestApi(string name) =>
        RestApis.SingleOrDefault(a => a.Name == name)
        ?? throw new KeyNotFoundException($"The app has no REST API named '{name}'. Its APIs: {(RestApis.IsEmpty ? "none" : string.Join(", ", RestApis.Select(a => a.Name)))}.");
}
