namespace Patterns.LocalCloud.ApiGateway;

/// <summary>The resource and method a request resolved to, with its path parameters (null when the template has none).</summary>
internal sealed record RouteMatch(ApiResource Resource, ApiMethod Method, IReadOnlyDictionary<string, string>? PathParameters);
