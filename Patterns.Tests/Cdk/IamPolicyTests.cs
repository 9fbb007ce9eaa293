using System.Text.Json.Nodes;

namespace Patterns.Tests.Cdk;

/// <summary>Least privilege over everything synthesized: no wildcard action, no wildcard data resource.</summary>
[Collection(CdkCollection.Name)]
public sealed class IamPolicyTests(SynthesizedApp synthesized)
{
    [Fact]
    public void No_statement_of_any_synthesized_template_has_a_wildcard_action_or_a_wildcard_data_resource()
    {
        var templates = synthesized.TemplateFiles.Select(TemplateJson.Load).ToList();
        Assert.Contains(templates, t => Path.GetFileName(t.Path) == $"{SynthesizedApp.AppStackName}.template.json");
        var statements = templates.Sum(t => t.Resources("AWS::IAM::Policy").Count());
        Assert.True(statements > 0, "The templates have no IAM policy to check.");

        Assert.Empty(templates.SelectMany(PolicyWildcards.Find));
    }

    [Fact]
    public void No_role_carries_a_managed_policy()
    {
        // Managed policies (AWSLambdaBasicExecutionRole: logs on "*") cannot be checked statement by statement.
        var roles = synthesized.TemplateFiles.Select(TemplateJson.Load).SelectMany(t => t.Resources("AWS::IAM::Role")).ToList();
        Assert.NotEmpty(roles);
        Assert.All(roles, role => Assert.Null(role.Resource["Properties"]?["ManagedPolicyArns"]));
    }

    [Fact]
    public void The_check_reports_wildcard_actions_wildcard_data_resources_and_inverted_statements_but_not_a_buckets_objects()
    {
        var template = new TemplateJson("crafted.template.json", JsonNode.Parse("""
            {"Resources": {
              "Broad": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [
                {"Effect": "Allow", "Action": "dynamodb:*", "Resource": {"Fn::GetAtt": ["Table", "Arn"]}},
                {"Effect": "Allow", "Action": ["dynamodb:GetItem"], "Resource": "*"},
                {"Effect": "Allow", "Action": "dynamodb:Query", "Resource": {"Fn::Join": ["", [{"Fn::GetAtt": ["Table", "Arn"]}, "/index/*"]]}},
                {"Effect": "Allow", "NotAction": "iam:*", "Resource": {"Fn::GetAtt": ["Table", "Arn"]}},
                {"Effect": "Allow", "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], "Resource": "*"},
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": {"Fn::Join": ["", [{"Fn::GetAtt": ["Bucket", "Arn"]}, "/*"]]}},
                {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::uploads-bucket/*"},
                {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": {"Fn::Join": ["", [{"Fn::GetAtt": ["Bucket", "Arn"]}, "/*"]]}},
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*/*"},
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": {"Fn::Join": ["", [{"Fn::GetAtt": ["Bucket", "Arn"]}, "/*/secret"]]}},
                {"Effect": "Deny", "Action": "*", "Resource": "*"}
              ]}}},
              "Inline": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement":
                {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": {"Fn::Sub": "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:*"}}}}]}}
            }}
            """)!.AsObject());

        var findings = PolicyWildcards.Find(template).ToList();

        Assert.Equal(8, findings.Count);
        Assert.Contains(findings, f => f.Contains("wildcard action 'dynamodb:*'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("wildcard resource '*' for dynamodb:GetItem", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("/index/*' for dynamodb:Query", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("NotAction", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("crafted.template.json Inline: wildcard resource 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:*'", StringComparison.Ordinal));
        // A bucket's objects are accepted for object actions alone, and only as the whole bucket's objects.
        Assert.Contains(findings, f => f.Contains("/*' for s3:GetObject, s3:ListBucket", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("'arn:aws:s3:::*/*' for s3:GetObject", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("/*/secret' for s3:GetObject", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("for s3:PutObject", StringComparison.Ordinal));
    }
}
