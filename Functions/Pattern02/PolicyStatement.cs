using System.Text.Json.Serialization;

namespace Functions.Pattern02;

/// <summary>One statement of an authorizer policy: whether the principal may invoke (<c>execute-api:Invoke</c>) the resource.</summary>
public sealed record PolicyStatement(
    [property: JsonPropertyName("Action")] string Action,
    [property: JsonPropertyName("Effect")] string Effect,
    [property: JsonPropertyName("Resource")] string Resource);
