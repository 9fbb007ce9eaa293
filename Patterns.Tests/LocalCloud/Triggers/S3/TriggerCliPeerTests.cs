using System.Text.Json;
using Patterns.Tests.LocalCloud.Triggers.Sns;
using Patterns.Tests.Support;
using static Patterns.Tests.LocalCloud.Triggers.Sns.TriggerTestKit;

namespace Patterns.Tests.LocalCloud.Triggers.S3;

/// <summary>The AWS CLI, unchanged: `aws sns publish` reaches a Lambda subscriber and `aws s3 cp` a bucket notification's function.</summary>
public sealed class TriggerCliPeerTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    public const string CliV1 = "aws";
    public const string CliV2 = "/usr/bin/aws";

    private async Task<string> AwsAsync(string cli, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync(cli, ["--endpoint-url", fixture.Cloud.EdgeUrl.ToString().TrimEnd('/'), .. arguments]);
        Assert.True(exitCode == 0, $"{cli} {string.Join(' ', arguments)} exited {exitCode}: {stderr}");
        return stdout;
    }

    [Theory]
    [InlineData(CliV1, "cli1")]
    [InlineData(CliV2, "cli2")]
    public async Task Sns_publish_from_the_CLI_reaches_a_Lambda_subscriber(string cli, string suffix)
    {
        var function = $"CliSubscriber-{suffix}";
        await fixture.CreateFunctionAsync(function, PrinterHandler);
        // Set up through the APIs (a CLI start costs a second or two); the publish is the CLI's.
        var api = new SnsApi(fixture.Edge);
        var topicArn = await api.CreateTopicAsync($"cli-topic-{suffix}");
        await AllowAsync(fixture.Edge, function, "sns.amazonaws.com", topicArn);
        await api.SubscribeAsync(topicArn, "lambda", $"arn:aws:lambda:us-east-1:{Account}:function:{function}");

        var published = JsonDocument.Parse(await AwsAsync(cli, "sns", "publish", "--topic-arn", topicArn, "--message", "from the CLI", "--subject", "CLI",
            "--message-attributes", """{"source":{"DataType":"String","StringValue":"cli"}}""")).RootElement;

        var sns = (await PrintedEventsAsync(fixture, function, 1))[0].GetProperty("Records")[0].GetProperty("Sns");
        Assert.Equal(published.GetProperty("MessageId").GetString(), sns.GetProperty("MessageId").GetString());
        Assert.Equal(("from the CLI", "CLI", "cli"), (sns.GetProperty("Message").GetString(), sns.GetProperty("Subject").GetString(),
            sns.GetProperty("MessageAttributes").GetProperty("source").GetProperty("Value").GetString()));
    }

    [Theory]
    [InlineData(CliV1, "cli1")]
    [InlineData(CliV2, "cli2")]
    public async Task S3_cp_from_the_CLI_invokes_the_notification_function(string cli, string suffix)
    {
        var function = $"CliProcessor-{suffix}";
        var bucket = $"cli-uploads-{suffix}";
        await fixture.CreateFunctionAsync(function, PrinterHandler);
        // Set up through the APIs (a CLI start costs a second or two); the upload is the CLI's.
        await AllowAsync(fixture.Edge, function, "s3.amazonaws.com", $"arn:aws:s3:::{bucket}");
        using var s3 = new Amazon.S3.AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("test", "test"),
            new Amazon.S3.AmazonS3Config { ServiceURL = fixture.Cloud.EdgeUrl.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await s3.PutBucketAsync(bucket);
        await s3.PutBucketNotificationAsync(new Amazon.S3.Model.PutBucketNotificationRequest
        {
            BucketName = bucket,
            LambdaFunctionConfigurations = [new Amazon.S3.Model.LambdaFunctionConfiguration { Id = "cli", FunctionArn = $"arn:aws:lambda:us-east-1:{Account}:function:{function}", Events = [Amazon.S3.EventType.ObjectCreatedAll] }],
        });
        var file = Path.Combine(Path.GetTempPath(), $"{bucket}-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "uploaded by the CLI");

        await AwsAsync(cli, "s3", "cp", file, $"s3://{bucket}/docs/my report.txt");
        File.Delete(file);

        var record = (await PrintedEventsAsync(fixture, function, 1))[0].GetProperty("Records")[0];
        Assert.Equal("ObjectCreated:Put", record.GetProperty("eventName").GetString());
        Assert.Equal("docs/my+report.txt", record.GetProperty("s3").GetProperty("object").GetProperty("key").GetString());
        Assert.Equal(19, record.GetProperty("s3").GetProperty("object").GetProperty("size").GetInt64());
    }
}
