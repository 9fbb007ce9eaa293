namespace Patterns.Tests.Functions;

/// <summary>What a function process posted back for one invocation, or for its init.</summary>
/// <param name="ErrorTypeHeader">The Lambda-Runtime-Function-Error-Type header of an error post.</param>
internal sealed record RuntimeOutcome(RuntimeOutcomeKind Kind, string Body, string? ErrorTypeHeader);
