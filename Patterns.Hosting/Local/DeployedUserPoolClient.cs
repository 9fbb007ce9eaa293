namespace Patterns.Hosting.Local;

/// <summary>An app client as deployed: the model's name and its client id.</summary>
public sealed record DeployedUserPoolClient(string Name, string ClientId);
