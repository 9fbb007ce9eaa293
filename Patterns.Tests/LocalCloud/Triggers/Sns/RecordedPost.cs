namespace Patterns.Tests.LocalCloud.Triggers.Sns;

/// <summary>One request a <see cref="RecordingEndpoint"/> received.</summary>
internal sealed record RecordedPost(IReadOnlyDictionary<string, string> Headers, string Body);
