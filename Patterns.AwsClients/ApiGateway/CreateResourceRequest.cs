using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>CreateResource's input: one path part ("products", "{id}", "{proxy+}") under a parent resource.</summary>
public sealed record CreateResourceRequest([property: JsonIgnore] string RestApiId, [property: JsonIgnore] string ParentId, string PathPart);
