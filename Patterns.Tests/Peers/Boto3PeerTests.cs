using System.Text.Json;
using Patterns.Tests.Support;

namespace Patterns.Tests.Peers;

/// <summary>boto3, unchanged but for endpoint_url, against the edge.</summary>
public sealed class Boto3PeerTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private const string Script = """
        import boto3, json, sys
        endpoint = sys.argv[1]
        dynamodb = boto3.client("dynamodb", endpoint_url=endpoint)
        dynamodb.create_table(TableName="Boto3Peer", AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                              KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}], BillingMode="PAY_PER_REQUEST")
        lam = boto3.client("lambda", endpoint_url=endpoint)
        names = [f["FunctionName"] for f in lam.list_functions()["Functions"]]
        invoked = lam.invoke(FunctionName="Boto3Echo", Payload=json.dumps({"name": "Trainee"}).encode(), LogType="Tail")
        failed = lam.invoke(FunctionName="Boto3Thrower", Payload=json.dumps({"message": "from boto3"}).encode())
        try:
            lam.get_function(FunctionName="NoSuchFunction")
            missing = "found?"
        except lam.exceptions.ResourceNotFoundException as error:
            missing = error.response["Error"]["Code"]
        print(json.dumps({
            "tables": dynamodb.list_tables()["TableNames"],
            "functions": names,
            "status": invoked["StatusCode"],
            "payload": json.loads(invoked["Payload"].read()),
            "logResult": invoked["LogResult"],
            "functionError": failed.get("FunctionError"),
            "error": json.loads(failed["Payload"].read()),
            "missing": missing,
        }))
        """;

    [Fact]
    public async Task Boto3_creates_lists_invokes_and_reads_errors()
    {
        await fixture.CreateFunctionAsync("Boto3Echo", "Functions::Functions.Diagnostics.Faults::Echo");
        await fixture.CreateFunctionAsync("Boto3Thrower", "Functions::Functions.Diagnostics.Faults::Throw");

        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync("python3", ["-c", Script, fixture.Cloud.EdgeUrl.ToString().TrimEnd('/')]);

        Assert.True(exitCode == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Contains("Boto3Peer", result.GetProperty("tables").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("Boto3Echo", result.GetProperty("functions").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(200, result.GetProperty("status").GetInt32());
        Assert.Equal("Trainee", result.GetProperty("payload").GetProperty("name").GetString());
        Assert.Contains("END RequestId", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(result.GetProperty("logResult").GetString()!)));
        Assert.Equal("Unhandled", result.GetProperty("functionError").GetString());
        Assert.Equal("from boto3", result.GetProperty("error").GetProperty("errorMessage").GetString());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("missing").GetString());
    }
}
