using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using ResourceAccess = Patterns.Hosting.Model.ResourceAccess;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A deployed bucket: referencing it gives its name, and object reads (s3:GetObject) or writes
/// (s3:PutObject) on its objects alone. Object actions apply to object ARNs, so the grant is on
/// bucket-ARN/* (every key of this one bucket); no listing, no deletes, no bucket settings.
/// </summary>
internal sealed record MappedBucket(Bucket Bucket) : IReferenceTarget
{
    private static readonly AccessActions Actions = new(
        Read: ["s3:GetObject"],
        Write: ["s3:PutObject"]);

    public string Identifier => Bucket.BucketName;

    public IReadOnlyList<PolicyStatement> Grant(ResourceAccess access) => Actions.Statements(access, Bucket.ArnForObjects("*"));
}
