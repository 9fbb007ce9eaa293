namespace Functions.Pattern02;

/// <summary>What validating a token found.</summary>
internal enum TokenValidationOutcome
{
    /// <summary>Signed by the pool, unexpired, issued to this app client.</summary>
    Valid,

    /// <summary>A genuine, unexpired token of the pool, but issued to another app client: authenticated, not entitled to this API.</summary>
    OtherClient,

    /// <summary>Not a token of the pool at all: malformed, forged, expired, or of the wrong kind.</summary>
    Invalid,
}
