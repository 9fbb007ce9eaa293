using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Patterns.AppHost.Patterns;

namespace Patterns.Tests.Cdk;

/// <summary>Pattern 1 (ProductsAPI → HelloServerless → Products) as the app's stack deploys it.</summary>
[Collection(CdkCollection.Name)]
public sealed class Pattern01StackTests(SynthesizedApp synthesized)
{
    private const string TableRef = "^Products[0-9A-F]{8}$";
    private const string FunctionRef = "^HelloServerlessFunction[0-9A-F]{8}$";

    private Template Template => synthesized.Template<Pattern01ApiBackend>();

    private TemplateJson Json => synthesized.Json<Pattern01ApiBackend>();

    [Fact]
    public void Products_is_an_on_demand_table_keyed_by_productId()
    {
        Template.HasResourceProperties("AWS::DynamoDB::Table", Props(
            ("KeySchema", new object[] { Props(("AttributeName", "productId"), ("KeyType", "HASH")) }),
            ("AttributeDefinitions", new object[] { Props(("AttributeName", "productId"), ("AttributeType", "S")) }),
            ("BillingMode", "PAY_PER_REQUEST")));
        Json.Single("AWS::DynamoDB::Table", Pattern01ApiBackend.TableName);
    }

    [Fact]
    public void HelloServerless_runs_the_custom_runtime_with_the_model_settings_and_the_table_name()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Runtime", "provided.al2023"),
            ("Architectures", new object[] { "x86_64" }),
            ("Handler", "Functions::Functions.Pattern01.HelloServerless::HandleAsync"),
            ("Timeout", 3),
            ("MemorySize", 128),
            ("TracingConfig", Props(("Mode", "Active"))),
            ("Environment", Props(("Variables", Props(("TABLE_NAME", Props(("Ref", Match.StringLikeRegexp(TableRef))))))))));
    }

    [Fact]
    public void HelloServerless_code_is_a_zip_asset_of_the_functions_build()
    {
        var (_, function) = Json.Single("AWS::Lambda::Function", Pattern01ApiBackend.FunctionName);
        var key = (string?)function["Properties"]?["Code"]?["S3Key"];
        Assert.NotNull(key);
        Assert.EndsWith(".zip", key, StringComparison.Ordinal);
        var staged = Path.Combine(synthesized.OutputDirectory, "asset." + Path.GetFileNameWithoutExtension(key));
        var stagedDirectory = Assert.Single(Directory.GetDirectories(synthesized.OutputDirectory, Path.GetFileName(staged) + "*"));
        Assert.True(File.Exists(Path.Combine(stagedDirectory, "bootstrap")), $"The staged code {stagedDirectory} has no bootstrap at its root.");
    }

    [Fact]
    public void HelloServerless_logs_to_its_own_log_group_with_a_retention()
    {
        var (logGroupId, logGroup) = Json.Single("AWS::Logs::LogGroup", Pattern01ApiBackend.FunctionName);
        Assert.Equal(7, (int?)logGroup["Properties"]?["RetentionInDays"]);
        var (_, function) = Json.Single("AWS::Lambda::Function", Pattern01ApiBackend.FunctionName);
        Assert.Equal(logGroupId, (string?)function["Properties"]?["LoggingConfig"]?["LogGroup"]?["Ref"]);
    }

    [Fact]
    public void ProductsAPI_sends_GET_and_POST_products_to_HelloServerless_through_proxy_integrations_on_stage_dev()
    {
        Template.ResourceCountIs("AWS::ApiGateway::RestApi", 1);
        Template.HasResourceProperties("AWS::ApiGateway::RestApi", Props(("Name", Pattern01ApiBackend.ApiName)));
        Template.HasResourceProperties("AWS::ApiGateway::Resource", Props(("PathPart", "products")));
        foreach (var method in (string[])["GET", "POST"])
        {
            Template.HasResourceProperties("AWS::ApiGateway::Method", Props(
                ("HttpMethod", method),
                ("AuthorizationType", "NONE"),
                ("ResourceId", Props(("Ref", Match.StringLikeRegexp("^ProductsAPIproducts[0-9A-F]{8}$")))),
                ("Integration", Props(
                    ("Type", "AWS_PROXY"),
                    ("IntegrationHttpMethod", "POST")))));
        }
        Template.ResourceCountIs("AWS::ApiGateway::Method", 2);
        Template.HasResourceProperties("AWS::ApiGateway::Stage", Props(("StageName", Pattern01ApiBackend.Stage), ("TracingEnabled", true)));
    }

    [Fact]
    public void Each_proxy_integration_invokes_HelloServerless()
    {
        var (functionId, _) = Json.Single("AWS::Lambda::Function", Pattern01ApiBackend.FunctionName);
        var methods = Json.Resources("AWS::ApiGateway::Method").ToList();
        Assert.Equal(2, methods.Count);
        foreach (var (_, method) in methods)
        {
            // arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations
            var uri = method["Properties"]?["Integration"]?["Uri"]?.ToJsonString() ?? "";
            Assert.Contains($"\"Fn::GetAtt\":[\"{functionId}\",\"Arn\"]", uri, StringComparison.Ordinal);
            Assert.Contains("/invocations", uri, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void API_Gateway_may_invoke_HelloServerless_only_from_the_routes_of_ProductsAPI_stage()
    {
        var (functionId, _) = Json.Single("AWS::Lambda::Function", Pattern01ApiBackend.FunctionName);
        var sourceArns = new List<string>();
        foreach (var (_, permission) in Json.Resources("AWS::Lambda::Permission"))
        {
            var properties = permission["Properties"]!;
            Assert.Equal("lambda:InvokeFunction", (string?)properties["Action"]);
            Assert.Equal("apigateway.amazonaws.com", (string?)properties["Principal"]);
            Assert.Equal(functionId, (string?)properties["FunctionName"]?["Fn::GetAtt"]?[0]);
            sourceArns.Add(properties["SourceArn"]!.ToJsonString());
        }
        Assert.Equal(2, sourceArns.Count);
        Assert.All(sourceArns, arn =>
        {
            Assert.Contains(":execute-api:", arn, StringComparison.Ordinal);
            Assert.Contains("{\"Ref\":\"ProductsAPIDeploymentStagedev", arn, StringComparison.Ordinal);
        });
        Assert.Contains(sourceArns, arn => arn.Contains("\"/GET/products\"", StringComparison.Ordinal));
        Assert.Contains(sourceArns, arn => arn.Contains("\"/POST/products\"", StringComparison.Ordinal));
    }

    [Fact]
    public void HelloServerless_role_allows_its_log_group_X_Ray_and_item_access_on_Products_nothing_else()
    {
        var (roleId, role) = Json.Single("AWS::IAM::Role", Pattern01ApiBackend.FunctionName);
        Assert.Null(role["Properties"]?["ManagedPolicyArns"]);
        Assert.Null(role["Properties"]?["Policies"]);
        var (logGroupId, _) = Json.Single("AWS::Logs::LogGroup", Pattern01ApiBackend.FunctionName);
        var (tableId, _) = Json.Single("AWS::DynamoDB::Table", Pattern01ApiBackend.TableName);

        var granted = Json.Resources("AWS::IAM::Policy")
            .Where(p => p.Resource["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r?["Ref"] == roleId))
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .SelectMany(statement => Actions(statement!).Select(action => $"{action} on {statement!["Resource"]!.ToJsonString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        string[] itemActions = ["BatchGetItem", "BatchWriteItem", "DeleteItem", "GetItem", "PutItem", "Query", "Scan", "UpdateItem"];
        var expected = itemActions.Select(a => $"dynamodb:{a} on {{\"Fn::GetAtt\":[\"{tableId}\",\"Arn\"]}}")
            .Concat(new[] { "logs:CreateLogStream", "logs:PutLogEvents" }.Select(a => $"{a} on {{\"Fn::GetAtt\":[\"{logGroupId}\",\"Arn\"]}}"))
            .Concat(new[] { "xray:PutTelemetryRecords", "xray:PutTraceSegments" }.Select(a => $"{a} on \"*\""))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, granted);
    }

    [Fact]
    public void Outputs_name_the_table_the_function_its_log_group_and_the_API_invoke_URL()
    {
        Template.HasOutput("HelloServerlessLogGroupName", Props(("Value", Props(("Ref", Match.StringLikeRegexp("^HelloServerlessLogGroup[0-9A-F]{8}$"))))));
        Template.HasOutput("ProductsTableName", Props(("Value", Props(("Ref", Match.StringLikeRegexp(TableRef))))));
        Template.HasOutput("HelloServerlessFunctionName", Props(("Value", Props(("Ref", Match.StringLikeRegexp(FunctionRef))))));
        var url = Json.Root["Outputs"]?["ProductsAPIUrl"]?["Value"]?.ToJsonString() ?? "";
        Assert.StartsWith("{\"Fn::Join\":[\"\",[\"https://\",{\"Ref\":\"ProductsAPI", url, StringComparison.Ordinal);
        Assert.Contains(".execute-api.", url, StringComparison.Ordinal);
        // Only the outputs the mapping names: RestApi's own hashed Endpoint output is replaced.
        Assert.Equal(
            ["HelloServerlessFunctionName", "HelloServerlessLogGroupName", "ProductsAPIUrl", "ProductsTableName"],
            Json.Root["Outputs"]!.AsObject().Select(o => o.Key).Order(StringComparer.Ordinal));
    }

    internal static Dictionary<string, object> Props(params (string Name, object Value)[] properties) =>
        properties.ToDictionary(p => p.Name, p => p.Value);

    internal static IEnumerable<string> Actions(JsonNode statement) => statement["Action"] switch
    {
        JsonArray actions => actions.Select(a => (string)a!),
        JsonValue action => [(string)action!],
        _ => [],
    };
}
