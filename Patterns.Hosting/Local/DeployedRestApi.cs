namespace Patterns.Hosting.Local;

/// <summary>A REST API of the model as deployed.</summary>
/// <param name="Url">The stage's invoke URL, https://{id}.execute-api.{region}.amazonaws.com/{stage}/ — append a route path without its leading '/'.</param>
public sealed record DeployedRestApi(string Name, string Stage, Uri Url);
