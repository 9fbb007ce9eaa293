using Patterns.AppHost.Patterns;
using static Patterns.Tests.Cdk.TemplateJson;

namespace Patterns.Tests.Cdk;

/// <summary>Pattern 6 (serverless-uploads → DocumentProcessor → serverless-processed) as the app's stack deploys it.</summary>
[Collection(CdkCollection.Name)]
public sealed class Pattern06StackTests(SynthesizedApp synthesized)
{
    private const string UploadsPath = "serverlessuploads";
    private const string ProcessedPath = "serverlessprocessed";
    private const string ProcessorFunctionPath = $"{Pattern06FilePipeline.ProcessorName}Function";

    private TemplateJson Json => synthesized.Json<Pattern06FilePipeline>();

    [Fact]
    public void Both_buckets_are_private_named_by_CloudFormation_and_deleted_with_the_stack()
    {
        foreach (var path in new[] { UploadsPath, ProcessedPath })
        {
            var (bucketId, bucket) = Json.Exactly("AWS::S3::Bucket", path);
            var properties = bucket["Properties"]!;
            Assert.Null(properties["BucketName"]);
            Assert.Equal(
                """{"BlockPublicAcls":true,"BlockPublicPolicy":true,"IgnorePublicAcls":true,"RestrictPublicBuckets":true}""",
                properties["PublicAccessBlockConfiguration"]!.ToJsonString());
            Assert.Equal("Delete", (string?)bucket["DeletionPolicy"]);

            // Its policy refuses every request without TLS.
            var (_, policy) = Assert.Single(Json.Resources("AWS::S3::BucketPolicy"), p => (string?)p.Resource["Properties"]?["Bucket"]?["Ref"] == bucketId);
            var statement = Assert.Single(policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())!;
            Assert.Equal(("Deny", "false"), ((string?)statement["Effect"], (string?)statement["Condition"]?["Bool"]?["aws:SecureTransport"]));
        }
        Assert.Empty(Json.Resources("Custom::S3AutoDeleteObjects"));
    }

    [Fact]
    public void Every_object_created_in_uploads_invokes_DocumentProcessor()
    {
        var (uploadsId, _) = Json.Exactly("AWS::S3::Bucket", UploadsPath);
        var (functionId, _) = Json.Exactly("AWS::Lambda::Function", ProcessorFunctionPath);
        var (_, notifications) = Assert.Single(Json.Resources("Custom::S3BucketNotifications"));
        var properties = notifications["Properties"]!;

        Assert.Equal(Ref(uploadsId), properties["BucketName"]!.ToJsonString());
        var configuration = properties["NotificationConfiguration"]!.AsObject();
        Assert.Equal(["LambdaFunctionConfigurations"], configuration.Select(c => c.Key));
        var lambda = Assert.Single(configuration["LambdaFunctionConfigurations"]!.AsArray())!;
        Assert.Equal(["s3:ObjectCreated:*"], lambda["Events"]!.AsArray().Select(e => (string?)e));
        Assert.Equal(GetAtt(functionId, "Arn"), lambda["LambdaFunctionArn"]!.ToJsonString());
        Assert.Null(lambda["Filter"]);
    }

    [Fact]
    public void S3_may_invoke_DocumentProcessor_only_for_the_uploads_bucket_of_this_account()
    {
        var (uploadsId, _) = Json.Exactly("AWS::S3::Bucket", UploadsPath);
        var (functionId, _) = Json.Exactly("AWS::Lambda::Function", ProcessorFunctionPath);
        var (permissionId, permission) = Assert.Single(Json.Resources("AWS::Lambda::Permission"));
        var properties = permission["Properties"]!;

        Assert.Equal(("lambda:InvokeFunction", "s3.amazonaws.com"), ((string?)properties["Action"], (string?)properties["Principal"]));
        Assert.Equal(GetAtt(functionId, "Arn"), properties["FunctionName"]!.ToJsonString());
        Assert.Equal(GetAtt(uploadsId, "Arn"), properties["SourceArn"]!.ToJsonString());
        Assert.Equal(Ref("AWS::AccountId"), properties["SourceAccount"]!.ToJsonString());
        // S3 checks the destination when the configuration is put: the permission must exist first.
        var (_, notifications) = Assert.Single(Json.Resources("Custom::S3BucketNotifications"));
        Assert.Contains(permissionId, notifications["DependsOn"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void DocumentProcessor_gets_both_bucket_names_and_may_only_read_uploads_objects_and_write_processed_objects()
    {
        var (uploadsId, _) = Json.Exactly("AWS::S3::Bucket", UploadsPath);
        var (processedId, _) = Json.Exactly("AWS::S3::Bucket", ProcessedPath);
        var (_, function) = Json.Exactly("AWS::Lambda::Function", ProcessorFunctionPath);
        var variables = function["Properties"]!["Environment"]!["Variables"]!;
        Assert.Equal(Ref(uploadsId), variables["UPLOADS_BUCKET"]!.ToJsonString());
        Assert.Equal(Ref(processedId), variables["PROCESSED_BUCKET"]!.ToJsonString());

        var (roleId, _) = Json.Exactly("AWS::IAM::Role", $"{Pattern06FilePipeline.ProcessorName}Role");
        var (logGroupId, _) = Json.Exactly("AWS::Logs::LogGroup", $"{Pattern06FilePipeline.ProcessorName}LogGroup");
        var expected = Json.BaseGrants(logGroupId)
            .Append($"s3:GetObject on {Objects(uploadsId)}")
            .Append($"s3:PutObject on {Objects(processedId)}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, Json.Grants(roleId));
    }

    [Fact]
    public void The_notifications_function_may_only_configure_the_uploads_bucket_and_runs_a_supported_Python()
    {
        var (uploadsId, _) = Json.Exactly("AWS::S3::Bucket", UploadsPath);
        var (_, notifications) = Assert.Single(Json.Resources("Custom::S3BucketNotifications"));
        var handlerId = (string)notifications["Properties"]!["ServiceToken"]!["Fn::GetAtt"]![0]!;
        var handler = Json.Root["Resources"]![handlerId]!;
        Assert.Equal("python3.13", (string?)handler["Properties"]!["Runtime"]);

        var roleId = (string)handler["Properties"]!["Role"]!["Fn::GetAtt"]![0]!;
        Assert.Null(Json.Root["Resources"]![roleId]!["Properties"]!["ManagedPolicyArns"]);
        Assert.Equal([$"s3:PutBucketNotification on {GetAtt(uploadsId, "Arn")}"], Json.Grants(roleId));
        // It runs only once its role may configure the bucket.
        var (policyId, _) = Assert.Single(Json.Resources("AWS::IAM::Policy"), p => p.Resource["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r?["Ref"] == roleId));
        Assert.Contains(policyId, handler["DependsOn"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Both_bucket_names_are_outputs()
    {
        var outputs = Json.Root["Outputs"]!;

        Assert.Equal(Ref(Json.Exactly("AWS::S3::Bucket", UploadsPath).LogicalId), outputs["serverlessuploadsBucketName"]?["Value"]?.ToJsonString());
        Assert.Equal(Ref(Json.Exactly("AWS::S3::Bucket", ProcessedPath).LogicalId), outputs["serverlessprocessedBucketName"]?["Value"]?.ToJsonString());
    }
}
