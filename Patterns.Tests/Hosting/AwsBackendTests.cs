using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Hosting.Local;
using Patterns.Tests.AwsClients;
using Patterns.Tests.Support;

namespace Patterns.Tests.Hosting;

/// <summary>
/// The runner's <c>--backend aws</c> end to end, with "AWS" being a local edge: a stack whose
/// outputs are the ones the CDK app gives the whole app is created in moto's CloudFormation,
/// and the runner, pointed at the edge through its environment, prints what each resource is.
/// </summary>
public sealed class AwsBackendTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private const string TableName = "AwsBackend-ProductsTable1A2B3C-XYZ";
    private const string FunctionName = "AwsBackend-HelloServerlessFunction-ABC123";
    private const string LogGroupName = "AwsBackend-HelloServerlessLogGroup-DEF456";
    private const string ApiUrl = "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/dev/";
    private const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/AwsBackend-PaymentQueue638550D9-AB12";
    private const string BucketName = "awsbackend-serverlessuploads9deab9af-cd34";
    private const string UserPoolId = "us-east-1_AbCdEf123";

    private Func<string, string?> Environment() =>
        new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = fixture.Cloud.EdgeUrl.ToString(),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
        }.GetValueOrDefault;

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await LocalAppRunner.RunAsync(PatternsApp.Build(), args, output, error, Environment());
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_report_names_each_deployed_resource_from_the_stack_outputs()
    {
        var stack = await OutputsOnlyStack.CreateAsync(fixture.Cloud.EdgeUrl, "AwsBackend", EveryOutput(new Dictionary<string, string>
        {
            ["ProductsTableName"] = TableName,
            ["HelloServerlessFunctionName"] = FunctionName,
            ["HelloServerlessLogGroupName"] = LogGroupName,
            ["ProductsAPIUrl"] = ApiUrl,
            ["PaymentQueueQueueUrl"] = QueueUrl,
            ["serverlessuploadsBucketName"] = BucketName,
            ["ProductsUserPoolUserPoolId"] = UserPoolId,
        }));

        var (exitCode, output, error) = await RunAsync("--backend", "aws", "--stack-name", "AwsBackend", "--once");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("Stack AwsBackend (CREATE_COMPLETE) in us-east-1, read in ", output, StringComparison.Ordinal);
        Assert.Contains($"Stack id  {stack.StackId}", output, StringComparison.Ordinal);
        Assert.Contains($"Table     {Pattern01ApiBackend.TableName,-24} {TableName}", output, StringComparison.Ordinal);
        Assert.Contains($"Function  {Pattern01ApiBackend.FunctionName,-24} {FunctionName}", output, StringComparison.Ordinal);
        Assert.Contains($"log group {LogGroupName}", output, StringComparison.Ordinal);
        Assert.Contains($"REST API  {Pattern01ApiBackend.ApiName,-24} stage dev", output, StringComparison.Ordinal);
        Assert.Contains(ApiUrl, output, StringComparison.Ordinal);
        Assert.Contains("GET     /products -> HelloServerless", output, StringComparison.Ordinal);
        Assert.Contains("POST    /products -> HelloServerless", output, StringComparison.Ordinal);
        Assert.Contains($"Queue     {Pattern04QueueLoadLeveling.QueueName,-24} {QueueUrl}", output, StringComparison.Ordinal);
        Assert.Contains($"Bucket    {Pattern06FilePipeline.UploadsBucket,-24} s3://{BucketName}", output, StringComparison.Ordinal);
        Assert.Contains($"User pool {Pattern02SecuredApi.UserPoolName,-24} {UserPoolId}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Press Ctrl+C", output, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Cloud.EdgeUrl.ToString(), output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    // The given outputs, and one for every other output the CDK app gives the whole app (a URL where the output is one).
    private static Dictionary<string, string> EveryOutput(Dictionary<string, string> given)
    {
        var model = PatternsApp.Build();
        var names = model.Tables.Select(t => StackOutputNames.TableName(t.Name))
            .Concat(model.Functions.SelectMany(f => new[] { StackOutputNames.FunctionName(f.Name), StackOutputNames.LogGroupName(f.Name) }))
            .Concat(model.Queues.Select(q => StackOutputNames.QueueUrl(q.Name)))
            .Concat(model.Topics.Select(t => StackOutputNames.TopicArn(t.Name)))
            .Concat(model.EventBuses.Select(b => StackOutputNames.EventBusName(b.Name)))
            .Concat(model.Buckets.Select(b => StackOutputNames.BucketName(b.Name)))
            .Concat(model.UserPools.Select(p => StackOutputNames.UserPoolId(p.Name)))
            .Concat(model.UserPoolClients.Select(c => StackOutputNames.ClientId(c.Name)));
        foreach (var name in names)
            given.TryAdd(name, $"AwsBackend-{name}");
        foreach (var api in model.RestApis)
            given.TryAdd(StackOutputNames.Url(api.Name), $"https://{api.Name.ToLowerInvariant()}.execute-api.us-east-1.amazonaws.com/{api.Stage}/");
        return given;
    }

    [Fact]
    public async Task A_missing_stack_names_the_stack_the_region_and_how_to_deploy_it()
    {
        var (exitCode, output, error) = await RunAsync("--backend", "aws", "--stack-name", "NeverDeployed", "--once");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("The stack 'NeverDeployed' does not exist in us-east-1", error, StringComparison.Ordinal);
        Assert.Contains("deploy it first with npx aws-cdk deploy from cdk/", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_older_than_the_model_names_the_resource_without_its_output()
    {
        await OutputsOnlyStack.CreateAsync(fixture.Cloud.EdgeUrl, "AwsBackendOlder", new Dictionary<string, string>
        {
            ["ProductsTableName"] = TableName,
            ["ProductsAPIUrl"] = ApiUrl,
        });

        var (exitCode, _, error) = await RunAsync("--backend", "aws", "--stack-name", "AwsBackendOlder", "--once");

        Assert.Equal(1, exitCode);
        Assert.Contains("has no output HelloServerlessFunctionName (for function HelloServerless), HelloServerlessLogGroupName (for function HelloServerless)", error, StringComparison.Ordinal);
        Assert.Contains("Redeploy it with npx aws-cdk deploy from cdk/", error, StringComparison.Ordinal);
    }
}
