namespace Patterns.Hosting.Model;

/// <summary>
/// A function's use of another resource: the deployment puts the resource's identifier (a
/// table's name, …) into the environment variable, and grants the function <paramref name="Access"/>
/// to that resource alone where it deploys grants.
/// </summary>
public sealed record ResourceReference(string ResourceName, string EnvironmentVariable, ResourceAccess Access = ResourceAccess.ReadWrite);
