using System.Text.Json.Serialization;

namespace Functions.Pattern01;

/// <summary>The <c>{"message": …}</c> body of a greeting or of a rejected request.</summary>
internal sealed record MessageBody([property: JsonPropertyName("message")] string Message);
