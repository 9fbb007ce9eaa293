using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Patterns.Cdk;
using Patterns.Hosting.Model;
using static Patterns.Tests.Cdk.Pattern01StackTests;

namespace Patterns.Tests.Cdk;

/// <summary>The mapping's cases beyond Pattern 1, on <see cref="MappingVariants"/> (synthesized for arm64 with a month's log retention).</summary>
[Collection(CdkCollection.Name)]
public sealed class MappingTests(SynthesizedApp synthesized)
{
    private Template Template => synthesized.Template(SynthesizedApp.VariantsStackName);

    private TemplateJson Json => synthesized.Json(SynthesizedApp.VariantsStackName);

    [Fact]
    public void A_sort_key_and_number_and_binary_keys_map_to_the_key_schema()
    {
        Template.HasResourceProperties("AWS::DynamoDB::Table", Props(
            ("KeySchema", new object[] { Props(("AttributeName", "customerId"), ("KeyType", "HASH")), Props(("AttributeName", "createdAt"), ("KeyType", "RANGE")) }),
            ("AttributeDefinitions", new object[] { Props(("AttributeName", "customerId"), ("AttributeType", "S")), Props(("AttributeName", "createdAt"), ("AttributeType", "N")) }),
            ("BillingMode", "PAY_PER_REQUEST")));
        Template.HasResourceProperties("AWS::DynamoDB::Table", Props(
            ("KeySchema", new object[] { Props(("AttributeName", "id"), ("KeyType", "HASH")) }),
            ("AttributeDefinitions", new object[] { Props(("AttributeName", "id"), ("AttributeType", "B")) })));
    }

    [Fact]
    public void Function_settings_environment_and_references_map_to_the_function()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Architectures", new object[] { "arm64" }),
            ("Timeout", 30),
            ("MemorySize", 512),
            ("Environment", Props(("Variables", Props(
                ("GREETING", "hello"),
                ("ORDERS_TABLE", Props(("Ref", Match.StringLikeRegexp("^Orders[0-9A-F]{8}$")))),
                ("AUDIT_TABLE", Props(("Ref", Match.StringLikeRegexp("^AuditLog[0-9A-F]{8}$"))))))))));
        var (_, logGroup) = Json.Single("AWS::Logs::LogGroup", MappingVariants.Function);
        Assert.Equal(30, (int?)logGroup["Properties"]?["RetentionInDays"]);
    }

    [Fact]
    public void A_read_reference_grants_only_reads_and_a_write_reference_only_writes_each_on_its_own_table()
    {
        var (ordersId, _) = Json.Single("AWS::DynamoDB::Table", MappingVariants.OrdersTable);
        var (auditId, _) = Json.Single("AWS::DynamoDB::Table", "AuditLog");
        var dynamoDb = Json.Resources("AWS::IAM::Policy")
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => Actions(s!).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))
            .ToDictionary(s => (string)s!["Resource"]!["Fn::GetAtt"]![0]!, s => Actions(s!).Order(StringComparer.Ordinal).ToList());

        Assert.Equal([auditId, ordersId], dynamoDb.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"], dynamoDb[ordersId]);
        Assert.Equal(["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], dynamoDb[auditId]);
    }

    [Fact]
    public void The_root_path_and_a_greedy_path_map_to_resources_and_methods()
    {
        var (apiId, api) = Json.Single("AWS::ApiGateway::RestApi", "OrdersAPI");
        Assert.Equal(MappingVariants.Api, (string?)api["Properties"]?["Name"]);
        Assert.Equal("REGIONAL", (string?)api["Properties"]?["EndpointConfiguration"]?["Types"]?[0]);
        var root = Assert.Single(Json.Resources("AWS::ApiGateway::Method"), m => (string?)m.Resource["Properties"]?["HttpMethod"] == "GET");
        Assert.Equal($$"""{"Fn::GetAtt":["{{apiId}}","RootResourceId"]}""", root.Resource["Properties"]?["ResourceId"]?.ToJsonString());

        var (ordersId, _) = Assert.Single(Json.Resources("AWS::ApiGateway::Resource"), r => (string?)r.Resource["Properties"]?["PathPart"] == "orders");
        var (proxyId, proxy) = Assert.Single(Json.Resources("AWS::ApiGateway::Resource"), r => (string?)r.Resource["Properties"]?["PathPart"] == "{proxy+}");
        Assert.Equal(ordersId, (string?)proxy["Properties"]?["ParentId"]?["Ref"]);
        var any = Assert.Single(Json.Resources("AWS::ApiGateway::Method"), m => (string?)m.Resource["Properties"]?["HttpMethod"] == "ANY");
        Assert.Equal(proxyId, (string?)any.Resource["Properties"]?["ResourceId"]?["Ref"]);
        Assert.Equal("AWS_PROXY", (string?)any.Resource["Properties"]?["Integration"]?["Type"]);
        Template.HasResourceProperties("AWS::ApiGateway::Stage", Props(("StageName", MappingVariants.Stage)));
    }

    [Fact]
    public void Without_CORS_in_the_model_there_are_no_OPTIONS_methods_and_no_account_wide_API_Gateway_role()
    {
        Assert.Equal(2, Json.Resources("AWS::ApiGateway::Method").Count());
        Assert.DoesNotContain(Json.Resources("AWS::ApiGateway::Method"), m => (string?)m.Resource["Properties"]?["HttpMethod"] == "OPTIONS");
        Template.ResourceCountIs("AWS::ApiGateway::Account", 0);
        Assert.Single(Json.Resources("AWS::IAM::Role"));
    }

    [Fact]
    public void Names_that_are_not_logical_ids_give_outputs_of_their_letters_and_digits()
    {
        var outputs = Json.Root["Outputs"]!.AsObject().Select(o => o.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["AuditLogTableName", "OrderReaderFunctionName", "OrderReaderLogGroupName", "OrdersAPIUrl", "OrdersTableName"], outputs);
    }

    [Fact]
    public void A_resource_kind_without_a_mapper_is_refused_naming_the_kind_and_the_fix()
    {
        var model = new AppModel([new Unmapped("Jobs")], null);

        var exception = Assert.Throws<NotSupportedException>(() => new AppStack(new App(), "Unmapped", model, new CloudOptions(null)));

        Assert.Contains("Unmapped Jobs cannot be deployed yet", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ResourceMappers", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_without_code_is_refused_naming_the_option()
    {
        var model = new AppModelBuilder();
        model.AddFunction("NoCode", "Functions::Functions.X.Y::Z");

        var exception = Assert.Throws<InvalidOperationException>(() => new AppStack(new App(), "NoCode", model.Build(), new CloudOptions(null)));

        Assert.Contains("Function NoCode has no code to deploy", exception.Message, StringComparison.Ordinal);
        Assert.Contains("FunctionsCodeDirectory", exception.Message, StringComparison.Ordinal);
    }

    private sealed record Unmapped(string Name) : Patterns.Hosting.Model.Resource(Name);
}
