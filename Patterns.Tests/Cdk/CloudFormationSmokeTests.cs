using System.Text.Json;
using Patterns.Tests.Support;

namespace Patterns.Tests.Cdk;

/// <summary>
/// The app's synthesized template, created as a stack through the CloudFormation API of a
/// local cloud (moto's CloudFormation, behind the edge), with boto3. What the CDK's
/// deployment would have prepared is prepared by hand: the bootstrap version parameter and
/// the asset bucket holding each function's zip. moto cannot run the function behind a custom
/// resource (it needs Docker for that), so the script answers for it, as the function answers
/// CloudFormation once it is done (without applying the S3 notification configuration).
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class CloudFormationSmokeTests(SynthesizedApp synthesized, LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private const string Script = """
        import boto3, io, json, sys, time, urllib.parse, urllib.request, zipfile
        endpoint, template_path = sys.argv[1], sys.argv[2]
        client = lambda service: boto3.client(service, endpoint_url=endpoint)
        body = open(template_path).read()
        template = json.loads(body)

        # What `cdk bootstrap` and the CLI's asset publishing do before a deployment.
        client("ssm").put_parameter(Name="/cdk-bootstrap/hnb659fds/version", Value="21", Type="String", Overwrite=True)
        account = client("sts").get_caller_identity()["Account"]
        bucket = f"cdk-hnb659fds-assets-{account}-us-east-1"
        s3 = client("s3")
        s3.create_bucket(Bucket=bucket)
        code = io.BytesIO()
        with zipfile.ZipFile(code, "w") as archive:
            archive.writestr("bootstrap", "#!/bin/sh\n")
        for resource in template["Resources"].values():
            if resource["Type"] == "AWS::Lambda::Function" and "S3Key" in resource["Properties"]["Code"]:
                s3.put_object(Bucket=bucket, Key=resource["Properties"]["Code"]["S3Key"], Body=code.getvalue())

        cfn = client("cloudformation")
        stack_id = cfn.create_stack(StackName="PatternsSmoke", TemplateBody=body, Capabilities=["CAPABILITY_IAM"])["StackId"]
        for logical_id, resource in template["Resources"].items():
            if resource["Type"].startswith("Custom::"):
                answer = json.dumps({"Status": "SUCCESS", "StackId": stack_id, "RequestId": logical_id, "LogicalResourceId": logical_id, "PhysicalResourceId": logical_id, "Data": {}})
                url = f"{endpoint}/cloudformation_us-east-1/cfnresponse?stack={urllib.parse.quote(stack_id, safe='')}"
                urllib.request.urlopen(urllib.request.Request(url, data=answer.encode(), method="PUT", headers={"Content-Type": ""})).read()
        deadline = time.time() + 60
        while True:
            stack = cfn.describe_stacks(StackName="PatternsSmoke")["Stacks"][0]
            if not stack["StackStatus"].endswith("_IN_PROGRESS") or time.time() > deadline:
                break
            time.sleep(0.1)
        resources = cfn.list_stack_resources(StackName="PatternsSmoke")["StackResourceSummaries"]
        print(json.dumps({
            "status": stack["StackStatus"],
            "resources": {r["LogicalResourceId"]: {"type": r["ResourceType"], "status": r["ResourceStatus"], "id": r.get("PhysicalResourceId", "")} for r in resources},
            "outputs": {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])},
            "tables": client("dynamodb").list_tables()["TableNames"],
            "functions": [f["FunctionName"] for f in client("lambda").list_functions()["Functions"]],
            "apis": {a["id"]: a["name"] for a in client("apigateway").get_rest_apis()["items"]},
            "queues": client("sqs").list_queues().get("QueueUrls", []),
            "topics": [t["TopicArn"] for t in client("sns").list_topics()["Topics"]],
            "buses": [b["Name"] for b in client("events").list_event_buses()["EventBuses"]],
            "buckets": [b["Name"] for b in s3.list_buckets()["Buckets"]],
        }))
        """;

    private static readonly HashSet<string> TypesMotoLacks = new(StringComparer.Ordinal)
    {
        "AWS::ApiGateway::Stage", "AWS::ApiGateway::Authorizer", "AWS::SNS::Subscription", "AWS::SNS::TopicPolicy",
        "AWS::SQS::QueuePolicy", "AWS::S3::BucketPolicy", "AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient",
    };

    [Fact]
    public async Task The_app_stack_is_created_through_CloudFormation_on_the_local_edge()
    {
        var template = synthesized.Json(SynthesizedApp.AppStackName);

        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync(
            "python3", ["-c", Script, fixture.Cloud.EdgeUrl.ToString().TrimEnd('/'), template.Path], timeout: TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("CREATE_COMPLETE", result.GetProperty("status").GetString());
        var created = result.GetProperty("resources").EnumerateObject()
            .Where(r => r.Name.Length > 0)
            .ToDictionary(r => r.Name, r => (Type: r.Value.GetProperty("type").GetString(), Status: r.Value.GetProperty("status").GetString()));
        var expected = template.Root["Resources"]!.AsObject().ToDictionary(r => r.Key, r => (string?)r.Value!["Type"]);
        // moto 5.2.1's CloudFormation keeps a nameless placeholder for the types it does not know.
        Assert.Equal(
            expected.Where(r => TypesMotoLacks.Contains(r.Value!)).Select(r => r.Key),
            expected.Keys.Except(created.Keys));
        Assert.All(created, r => Assert.Equal((expected[r.Key], "CREATE_COMPLETE"), r.Value));

        var apiId = created.Keys.Single(id => id.StartsWith("ProductsAPI", StringComparison.Ordinal) && expected[id] == "AWS::ApiGateway::RestApi");
        var apiPhysicalId = result.GetProperty("resources").GetProperty(apiId).GetProperty("id").GetString()!;
        Assert.Equal("ProductsAPI", result.GetProperty("apis").GetProperty(apiPhysicalId).GetString());

        // The table is a real one, served by the edge under the name the stack output gives.
        var tableName = result.GetProperty("outputs").GetProperty("ProductsTableName").GetString();
        Assert.Contains(tableName, result.GetProperty("tables").EnumerateArray().Select(t => t.GetString()));

        // So are the queues, the topic, the bus and the buckets.
        var outputs = result.GetProperty("outputs");
        string[] Served(string list) => [.. result.GetProperty(list).EnumerateArray().Select(e => e.GetString()!)];
        Assert.Contains(outputs.GetProperty("PaymentQueueQueueUrl").GetString()!.Split('/')[^1], Served("queues").Select(url => url.Split('/')[^1]));
        Assert.Contains(outputs.GetProperty("PaymentQueueDLQQueueUrl").GetString()!.Split('/')[^1], Served("queues").Select(url => url.Split('/')[^1]));
        Assert.Contains(outputs.GetProperty("ImageProcessingTopicTopicArn").GetString(), Served("topics"));
        Assert.Contains(outputs.GetProperty("ecommerceeventsEventBusName").GetString(), Served("buses"));
        Assert.Contains(outputs.GetProperty("serverlessuploadsBucketName").GetString(), Served("buckets"));
        Assert.Contains(outputs.GetProperty("serverlessprocessedBucketName").GetString(), Served("buckets"));

        // The function is not: moto's CloudFormation creates it in moto's own Lambda model, which
        // the edge does not serve, so the local Lambda service never sees it (README, Known limits).
        var functionName = result.GetProperty("outputs").GetProperty("HelloServerlessFunctionName").GetString();
        Assert.StartsWith("PatternsSmoke-HelloServerlessFunction", functionName, StringComparison.Ordinal);
        Assert.DoesNotContain(functionName, result.GetProperty("functions").EnumerateArray().Select(f => f.GetString()));
    }
}
