namespace Patterns.Hosting.Local;

/// <summary>A user pool's app client as provisioned: its client id (what references resolve to).</summary>
public sealed record ProvisionedUserPoolClient(string Name, string ClientId, string UserPoolId);
