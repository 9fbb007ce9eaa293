namespace Patterns.AwsClients.Core;

/// <summary>The keys a request is signed with; <see cref="SessionToken"/> is set for temporary credentials.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>
    /// The credentials local endpoints accept (they check the format, not the keys); also what
    /// <see cref="FromEnvironment"/> falls back to when no keys are set.
    /// </summary>
    public static AwsCredentials Test { get; } = new("test", "test");

    /// <summary>
    /// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, as every AWS SDK reads
    /// them; <see cref="Test"/> when the key pair is not set.
    /// </summary>
    public static AwsCredentials FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    internal static AwsCredentials FromEnvironment(Func<string, string?> environment)
    {
        var accessKeyId = environment("AWS_ACCESS_KEY_ID");
        var secretAccessKey = environment("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(secretAccessKey))
            return Test;
        var sessionToken = environment("AWS_SESSION_TOKEN");
        return new AwsCredentials(accessKeyId, secretAccessKey, string.IsNullOrEmpty(sessionToken) ? null : sessionToken);
    }

    // Keeps the secret out of logs and exception messages that print a record.
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
