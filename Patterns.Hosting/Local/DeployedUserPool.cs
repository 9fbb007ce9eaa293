namespace Patterns.Hosting.Local;

/// <summary>A user pool as deployed: the model's name and its pool id.</summary>
public sealed record DeployedUserPool(string Name, string UserPoolId);
