using System.Net;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.DynamoDb;

namespace Patterns.Tests.AwsClients;

/// <summary>What the DynamoDB client puts on the wire (JSON 1.0, DynamoDB_20120810.*) and how it reads answers and errors.</summary>
public sealed class DynamoDbClientTests
{
    private static readonly AwsClientOptions Options = new()
    {
        Endpoint = new Uri("http://127.0.0.1:4566"),
        Region = "eu-west-1",
        Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        BaseRetryDelay = TimeSpan.FromMilliseconds(1),
    };

    [Fact]
    public async Task CreateTable_posts_json_1_0_named_by_X_Amz_Target_signed_for_dynamodb_and_reads_the_description()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """
            {"TableDescription":{"TableName":"Orders","TableArn":"arn:aws:dynamodb:eu-west-1:123456789012:table/Orders","TableStatus":"CREATING","ItemCount":0,
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
             "BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST"}}}
            """);
        using var client = new DynamoDbClient(Options, new HttpClient(handler), new FixedTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero)));

        var table = await client.CreateTableAsync(new CreateTableRequest(
            "Orders",
            [new KeySchemaElement("pk", "HASH"), new KeySchemaElement("sk", "RANGE")],
            [new AttributeDefinition("pk", "S"), new AttributeDefinition("sk", "N")])
        {
            BillingMode = "PAY_PER_REQUEST",
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Uri.AbsolutePath));
        Assert.Equal("DynamoDB_20120810.CreateTable", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.0", request.Headers["Content-Type"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250304/eu-west-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(
            """{"TableName":"Orders","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"BillingMode":"PAY_PER_REQUEST"}""",
            request.Body);

        Assert.Equal(("Orders", "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders", "CREATING"), (table.TableName, table.TableArn, table.TableStatus));
        Assert.Equal(["pk HASH", "sk RANGE"], table.KeySchema!.Select(k => $"{k.AttributeName} {k.KeyType}"));
        Assert.Equal(["pk S", "sk N"], table.AttributeDefinitions!.Select(a => $"{a.AttributeName} {a.AttributeType}"));
    }

    [Fact]
    public async Task DescribeTable_names_the_table_and_reads_Table()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """
            {"Table":{"TableName":"Orders","TableArn":"arn:aws:dynamodb:eu-west-1:123456789012:table/Orders","TableStatus":"ACTIVE"}}
            """);
        using var client = new DynamoDbClient(Options, new HttpClient(handler));

        var table = await client.DescribeTableAsync("Orders");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("DynamoDB_20120810.DescribeTable", request.Headers["X-Amz-Target"]);
        Assert.Equal("""{"TableName":"Orders"}""", request.Body);
        Assert.Equal(("Orders", "ACTIVE"), (table.TableName, table.TableStatus));
    }

    [Fact]
    public async Task A_table_that_exists_fails_CreateTable_with_ResourceInUseException_read_from_the_namespaced_type()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.dynamodb.v20120810#ResourceInUseException","message":"Table already exists: Orders"}""");
        using var client = new DynamoDbClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.CreateTableAsync(new CreateTableRequest("Orders", [new KeySchemaElement("pk", "HASH")], [new AttributeDefinition("pk", "S")])));

        Assert.Equal(("dynamodb", "CreateTable", 400, "ResourceInUseException"), (error.Service, error.Operation, error.StatusCode, error.ErrorCode));
        Assert.Equal("Table already exists: Orders", error.ServiceMessage);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_answer_without_a_description_is_an_error_naming_the_table_and_the_endpoint()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, "{}");
        using var client = new DynamoDbClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.DescribeTableAsync("Orders"));

        Assert.Contains("table Orders", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:4566/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_needs_a_key_schema_before_anything_is_sent()
    {
        var handler = new RecordingHandler();
        using var client = new DynamoDbClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTableAsync(new CreateTableRequest("Orders", [], [])));

        Assert.Contains("Orders", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }
}
