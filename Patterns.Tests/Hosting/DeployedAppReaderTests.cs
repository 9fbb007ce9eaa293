using System.Net;
using Patterns.AwsClients.CloudFormation;
using Patterns.AwsClients.Core;
using Patterns.Hosting.Local;
using Patterns.Hosting.Model;
using Patterns.Tests.AwsClients;

namespace Patterns.Tests.Hosting;

/// <summary>How the AWS backend maps a stack's outputs to the model, and what it says when it cannot.</summary>
public sealed class DeployedAppReaderTests
{
    private static readonly AwsClientOptions Options = new()
    {
        Endpoint = new Uri("https://cloudformation.eu-west-1.amazonaws.com"),
        Region = "eu-west-1",
        Credentials = AwsCredentials.Test,
        BaseRetryDelay = TimeSpan.FromMilliseconds(1),
    };

    private static AppModel Model()
    {
        var app = new AppModelBuilder();
        var table = app.AddTable("orders-table", partitionKey: "id");
        var function = app.AddFunction("Place_Order", "Functions::Functions.Orders::HandleAsync").WithReference(table, "TABLE_NAME");
        app.AddRestApi("Orders API", stage: "prod").WithRoute("POST", "/orders", function);
        return app.Build();
    }

    private static string StackXml(string status, params (string Key, string Value)[] outputs) => $"""
        <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>
          <StackName>Orders</StackName>
          <StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/Orders/1</StackId>
          <CreationTime>2025-01-02T03:04:05Z</CreationTime>
          <StackStatus>{status}</StackStatus>
          <StackStatusReason>The following resource(s) failed to create: [OrdersTable].</StackStatusReason>
          <Outputs>{string.Concat(outputs.Select(o => $"<member><OutputKey>{o.Key}</OutputKey><OutputValue>{o.Value}</OutputValue></member>"))}</Outputs>
        </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
        """;

    private static async Task<DeployedApp> ReadAsync(string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var client = new CloudFormationClient(Options, new HttpClient(new RecordingHandler().Reply(status, body)));
        return await DeployedAppReader.ReadAsync(Model(), client, "Orders", CancellationToken.None);
    }

    [Fact]
    public async Task Each_resource_gets_its_outputs_under_the_mappings_names()
    {
        var app = await ReadAsync(StackXml(
            "UPDATE_COMPLETE",
            ("orderstableTableName", "Orders-orderstable-1"),
            ("PlaceOrderFunctionName", "Orders-PlaceOrder-2"),
            ("PlaceOrderLogGroupName", "/aws/lambda/Orders-PlaceOrder-2"),
            ("OrdersAPIUrl", "https://a1.execute-api.eu-west-1.amazonaws.com/prod/"),
            ("SomethingElse", "ignored")));

        Assert.Equal(("Orders", "UPDATE_COMPLETE", "eu-west-1"), (app.StackName, app.StackStatus, app.Region));
        Assert.Equal(new DeployedTable("orders-table", "Orders-orderstable-1"), Assert.Single(app.Tables));
        Assert.Equal(new DeployedFunction("Place_Order", "Orders-PlaceOrder-2", "/aws/lambda/Orders-PlaceOrder-2"), Assert.Single(app.Functions));
        Assert.Equal(new DeployedRestApi("Orders API", "prod", new Uri("https://a1.execute-api.eu-west-1.amazonaws.com/prod/")), Assert.Single(app.RestApis));
    }

    [Fact]
    public async Task A_stack_older_than_the_model_names_every_missing_output()
    {
        var error = await Assert.ThrowsAsync<DeployedStackException>(() => ReadAsync(StackXml(
            "CREATE_COMPLETE",
            ("orderstableTableName", "Orders-orderstable-1"),
            ("PlaceOrderFunctionName", "Orders-PlaceOrder-2"))));

        Assert.Contains("The stack 'Orders' in eu-west-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("no output PlaceOrderLogGroupName (for function Place_Order), OrdersAPIUrl (for REST API Orders API)", error.Message, StringComparison.Ordinal);
        Assert.Contains("older model. Redeploy it with npx aws-cdk deploy from cdk/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_whose_creation_failed_is_named_with_its_status_reason_and_what_to_do()
    {
        var error = await Assert.ThrowsAsync<DeployedStackException>(() => ReadAsync(StackXml("ROLLBACK_COMPLETE")));

        Assert.Contains("is ROLLBACK_COMPLETE (The following resource(s) failed to create: [OrdersTable].)", error.Message, StringComparison.Ordinal);
        Assert.Contains("npx aws-cdk destroy and deploy again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_url_output_that_is_not_a_url_is_refused()
    {
        var error = await Assert.ThrowsAsync<DeployedStackException>(() => ReadAsync(StackXml(
            "CREATE_COMPLETE",
            ("orderstableTableName", "t"), ("PlaceOrderFunctionName", "f"), ("PlaceOrderLogGroupName", "g"), ("OrdersAPIUrl", "not a url"))));

        Assert.Contains("OrdersAPIUrl = 'not a url', which is not an http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_keys_say_where_the_keys_come_from()
    {
        var error = await Assert.ThrowsAsync<DeployedStackException>(() => ReadAsync(
            "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>",
            HttpStatusCode.Forbidden));

        Assert.Contains("The security token included in the request is invalid.", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("aws configure export-credentials", error.Message, StringComparison.Ordinal);
    }
}
