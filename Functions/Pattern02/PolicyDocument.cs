using System.Text.Json.Serialization;

namespace Functions.Pattern02;

/// <summary>The IAM policy an authorizer returns.</summary>
public sealed record PolicyDocument(
    [property: JsonPropertyName("Version")] string Version,
    [property: JsonPropertyName("Statement")] IReadOnlyList<PolicyStatement> Statement);
