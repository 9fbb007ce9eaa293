using System.Text.Json;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>A token whose signature, issuer and app client were verified: its claims, as cached per token.</summary>
internal sealed record VerifiedToken(JsonElement Claims);
