namespace Patterns.Tests.Functions;

/// <summary>What a <see cref="ScriptedHttpServer"/> writes back, byte for byte, and whether it then hangs up.</summary>
internal sealed record ScriptedAnswer(string Text, bool HangUp = false);
