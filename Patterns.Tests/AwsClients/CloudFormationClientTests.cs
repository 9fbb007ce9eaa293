using System.Net;
using Patterns.AwsClients.CloudFormation;
using Patterns.AwsClients.Core;

namespace Patterns.Tests.AwsClients;

/// <summary>What the CloudFormation client puts on the wire (query protocol) and how it reads stacks and errors.</summary>
public sealed class CloudFormationClientTests
{
    private static readonly AwsClientOptions Options = new()
    {
        Endpoint = new Uri("http://127.0.0.1:4566"),
        Region = "eu-west-1",
        Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        BaseRetryDelay = TimeSpan.FromMilliseconds(1),
    };

    private const string StackXml = """
        <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeStacksResult>
            <Stacks>
              <member>
                <StackName>ServerlessPatterns</StackName>
                <StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/ServerlessPatterns/0d3a5ac0-0000-11ef-9262-0242ac120002</StackId>
                <CreationTime>2025-01-02T03:04:05.678Z</CreationTime>
                <LastUpdatedTime>2025-02-03T04:05:06Z</LastUpdatedTime>
                <StackStatus>UPDATE_COMPLETE</StackStatus>
                <Outputs>
                  <member>
                    <OutputKey>ProductsTableName</OutputKey>
                    <OutputValue>ServerlessPatterns-ProductsTable-1ABC</OutputValue>
                    <Description>The table's name</Description>
                  </member>
                  <member>
                    <OutputKey>ProductsAPIUrl</OutputKey>
                    <OutputValue>https://a1b2c3.execute-api.eu-west-1.amazonaws.com/dev/</OutputValue>
                    <ExportName>ProductsUrl</ExportName>
                  </member>
                </Outputs>
              </member>
            </Stacks>
          </DescribeStacksResult>
          <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
        </DescribeStacksResponse>
        """;

    [Fact]
    public async Task DescribeStacks_posts_the_query_form_signed_for_cloudformation_and_reads_the_outputs()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, StackXml);
        using var client = new CloudFormationClient(Options, new HttpClient(handler), new FixedTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero)));

        var stack = await client.DescribeStackAsync("Serverless Patterns/1");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Uri.AbsolutePath);
        Assert.Equal("", request.Uri.Query);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal("Action=DescribeStacks&Version=2010-05-15&StackName=Serverless%20Patterns%2F1", request.Body);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250304/eu-west-1/cloudformation/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=", request.Headers["Authorization"], StringComparison.Ordinal);

        Assert.Equal("ServerlessPatterns", stack.StackName);
        Assert.Equal("UPDATE_COMPLETE", stack.StackStatus);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), stack.CreationTime);
        Assert.Equal(new DateTimeOffset(2025, 2, 3, 4, 5, 6, TimeSpan.Zero), stack.LastUpdatedTime);
        Assert.Equal(
            [
                new StackOutput("ProductsTableName", "ServerlessPatterns-ProductsTable-1ABC", "The table's name"),
                new StackOutput("ProductsAPIUrl", "https://a1b2c3.execute-api.eu-west-1.amazonaws.com/dev/", ExportName: "ProductsUrl"),
            ],
            stack.Outputs.AsEnumerable());
        Assert.Equal("https://a1b2c3.execute-api.eu-west-1.amazonaws.com/dev/", stack.Output("ProductsAPIUrl"));
        Assert.Null(stack.Output("HelloServerlessFunctionName"));
    }

    [Fact]
    public async Task DescribeStacks_without_a_name_lists_every_stack_and_passes_the_next_token()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """
            <DescribeStacksResponse><DescribeStacksResult><Stacks/><NextToken>page2</NextToken></DescribeStacksResult></DescribeStacksResponse>
            """);
        using var client = new CloudFormationClient(Options, new HttpClient(handler));

        var page = await client.DescribeStacksAsync(nextToken: "page1");

        Assert.Equal("Action=DescribeStacks&Version=2010-05-15&NextToken=page1", Assert.Single(handler.Requests).Body);
        Assert.Empty(page.Stacks);
        Assert.Equal("page2", page.NextToken);
    }

    [Fact]
    public async Task A_missing_stack_is_a_ValidationError_that_is_not_retried()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.BadRequest, """
            <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id Nope does not exist</Message></Error>
              <RequestId>5ccc7dcd-744c-11e5-be70-example</RequestId>
            </ErrorResponse>
            """, ("x-amzn-RequestId", "5ccc7dcd-744c-11e5-be70-example"));
        using var client = new CloudFormationClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeStackAsync("Nope"));

        Assert.Single(handler.Requests);
        Assert.Equal(("cloudformation", "DescribeStacks", 400, "ValidationError"), (error.Service, error.Operation, error.StatusCode, error.ErrorCode));
        Assert.Equal("Stack with id Nope does not exist", error.ServiceMessage);
        Assert.Equal("5ccc7dcd-744c-11e5-be70-example", error.RequestId);
        Assert.True(CloudFormationClient.IsStackMissing(error));
    }

    [Fact]
    public async Task Throttling_is_retried_and_other_validation_errors_are_not_a_missing_stack()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.BadRequest, "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
            .Reply(HttpStatusCode.BadRequest, "<ErrorResponse><Error><Code>ValidationError</Code><Message>1 validation error detected</Message></Error></ErrorResponse>");
        using var client = new CloudFormationClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeStackAsync("x"));

        Assert.Equal(2, handler.Requests.Count);
        Assert.False(CloudFormationClient.IsStackMissing(error));
    }

    [Fact]
    public async Task A_body_that_is_not_the_XML_answer_names_the_endpoint()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """{"Stacks":[]}""");
        using var client = new CloudFormationClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.DescribeStacksAsync());

        Assert.Contains("not its XML answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:4566/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_endpoint_and_region_come_from_the_given_environment()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1",
            ["AWS_ENDPOINT_URL_CLOUDFORMATION"] = "http://127.0.0.1:2",
            ["AWS_DEFAULT_REGION"] = "ap-south-1",
        };
        using var client = new CloudFormationClient(new AwsClientOptions { Environment = variables.GetValueOrDefault });
        using var publicClient = new CloudFormationClient(new AwsClientOptions { Environment = _ => null, Region = "eu-north-1" });

        Assert.Equal(new Uri("http://127.0.0.1:2/"), client.Endpoint);
        Assert.Equal("ap-south-1", client.Region);
        Assert.Equal(new Uri("https://cloudformation.eu-north-1.amazonaws.com/"), publicClient.Endpoint);
    }
}
