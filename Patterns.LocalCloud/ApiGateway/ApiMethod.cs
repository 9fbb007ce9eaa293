namespace Patterns.LocalCloud.ApiGateway;

/// <summary>A method of a resource: who may call it and what it integrates with (null when no integration was put).</summary>
internal sealed record ApiMethod(string HttpMethod, MethodAuthorization Authorization, string? OperationName, ApiIntegration? Integration);
