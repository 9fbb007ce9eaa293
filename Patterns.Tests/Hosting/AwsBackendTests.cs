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
        var stack = await OutputsOnlyStack.CreateAsync(fixture.Cloud.EdgeUrl, "AwsBackend", new Dictionary<string, string>
        {
            ["ProductsTableName"] = TableName,
            ["HelloServerlessFunctionName"] = FunctionName,
            ["HelloServerlessLogGroupName"] = LogGroupName,
            ["ProductsAPIUrl"] = ApiUrl,
        });

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
        Assert.DoesNotContain("Press Ctrl+C", output, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Cloud.EdgeUrl.ToString(), output, StringComparison.Ordinal);
        Assert.Equal("", error);
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
