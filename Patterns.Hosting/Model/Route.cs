namespace Patterns.Hosting.Model;

/// <summary>A method on a path of a REST API, integrated with a function (Lambda proxy).</summary>
/// <param name="Method">GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY.</param>
/// <param name="Path">"/products", "/products/{id}", "/{proxy+}".</param>
/// <param name="AuthorizerName">One of the API's authorizers, or null for an open route.</param>
public sealed record Route(string Method, string Path, string FunctionName, string? AuthorizerName = null);
