namespace Patterns.LocalCloud.ApiGateway;

/// <summary>An integration response: the method status it produces, the pattern that selects it, its header mappings and body templates.</summary>
/// <param name="SelectionPattern">A regular expression matched against the integration's status; null or empty = the default response.</param>
internal sealed record IntegrationResponse(
    string StatusCode,
    string? SelectionPattern,
    IReadOnlyDictionary<string, string> ResponseParameters,
    IReadOnlyDictionary<string, string> ResponseTemplates);
