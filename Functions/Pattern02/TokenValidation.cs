namespace Functions.Pattern02;

/// <param name="Subject">The token's sub (the user), when the token is genuine.</param>
/// <param name="Reason">Why the token is not valid, for the log; empty when it is.</param>
internal sealed record TokenValidation(TokenValidationOutcome Outcome, string? Subject, string Reason)
{
    public static TokenValidation Invalid(string reason) => new(TokenValidationOutcome.Invalid, null, reason);
}
