namespace Patterns.LocalCloud.ApiGateway;

/// <summary>A resource of a REST API: its path template (e.g. /products/{id}) and its methods by HTTP method (or ANY).</summary>
internal sealed record ApiResource(string Id, string Path, IReadOnlyDictionary<string, ApiMethod> Methods);
