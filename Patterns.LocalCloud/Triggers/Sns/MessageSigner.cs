using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// Signs notifications as SNS does (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA, over the
/// canonical "Name\nvalue\n" string) with a key of this local cloud, whose self-signed
/// certificate the edge serves at <see cref="CertificateUrl"/>, so a subscriber that verifies
/// signatures can verify these. The key is made on first use: a 2048-bit RSA key takes a few
/// hundred milliseconds of CPU, which every start would otherwise spend, with or without a topic.
/// </summary>
internal sealed class MessageSigner : IDisposable
{
    public const string CertificatePath = "/SimpleNotificationService-local.pem";

    private readonly Lazy<(RSA Key, string CertificatePem)> _identity = new(CreateIdentity, LazyThreadSafetyMode.ExecutionAndPublication);

    public MessageSigner(string edgeBaseUrl) => CertificateUrl = edgeBaseUrl + CertificatePath;

    public string CertificateUrl { get; }

    public string CertificatePem => _identity.Value.CertificatePem;

    /// <param name="fields">The message's fields in the canonical order; absent ones are left out.</param>
    public string Sign(IEnumerable<(string Name, string? Value)> fields, string signatureVersion)
    {
        var canonical = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
                canonical.Append(name).Append('\n').Append(value).Append('\n');
        }
        var algorithm = signatureVersion == "2" ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
        return Convert.ToBase64String(_identity.Value.Key.SignData(Encoding.UTF8.GetBytes(canonical.ToString()), algorithm, RSASignaturePadding.Pkcs1));
    }

    public void Dispose()
    {
        if (_identity.IsValueCreated)
            _identity.Value.Key.Dispose();
    }

    private static (RSA Key, string CertificatePem) CreateIdentity()
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sns.amazonaws.com, O=Local Cloud", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return (key, certificate.ExportCertificatePem());
    }
}
