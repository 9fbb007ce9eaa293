using ApiResource = Patterns.AwsClients.ApiGateway.Resource;
using RestApi = Patterns.Hosting.Model.RestApi;

namespace Patterns.Hosting.Local;

/// <summary>A REST API half provisioned: it exists with its resources (by path); methods and deployment are still to do.</summary>
/// <param name="Changed">Whether preparing it created anything, so that it must be deployed.</param>
internal sealed record RestApiDraft(RestApi Api, string RestApiId, IReadOnlyDictionary<string, ApiResource> Resources, bool Changed);
