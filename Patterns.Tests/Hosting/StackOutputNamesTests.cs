using Patterns.AppHost;
using Patterns.Cdk.Mapping;
using Patterns.Hosting.Local;
using Patterns.Tests.Cdk;

namespace Patterns.Tests.Hosting;

/// <summary>The outputs the AWS backend reads are exactly the ones the CDK mapping writes.</summary>
[Collection(CdkCollection.Name)]
public sealed class StackOutputNamesTests(SynthesizedApp synthesized)
{
    [Fact]
    public void The_synthesized_app_has_an_output_for_every_name_the_backend_reads_and_no_other()
    {
        var model = PatternsApp.Build();
        var expected = model.Tables.Select(t => StackOutputNames.TableName(t.Name))
            .Concat(model.Functions.SelectMany(f => new[] { StackOutputNames.FunctionName(f.Name), StackOutputNames.LogGroupName(f.Name) }))
            .Concat(model.RestApis.Select(a => StackOutputNames.Url(a.Name)))
            .Concat(model.Queues.Select(q => StackOutputNames.QueueUrl(q.Name)))
            .Concat(model.Topics.Select(t => StackOutputNames.TopicArn(t.Name)))
            .Concat(model.EventBuses.Select(b => StackOutputNames.EventBusName(b.Name)))
            .Concat(model.Buckets.Select(b => StackOutputNames.BucketName(b.Name)))
            .Concat(model.UserPools.Select(p => StackOutputNames.UserPoolId(p.Name)))
            .Concat(model.UserPoolClients.Select(c => StackOutputNames.ClientId(c.Name)))
            .Order(StringComparer.Ordinal);

        var outputs = synthesized.Json(SynthesizedApp.AppStackName).Root["Outputs"]!.AsObject().Select(o => o.Key).Order(StringComparer.Ordinal);

        Assert.Equal(expected, outputs);
    }

    [Theory]
    [InlineData("Products", "TableName")]
    [InlineData("orders-v2.table_1", "TableName")]
    [InlineData("Ünïcode API", "Url")]
    public void Names_are_derived_as_the_mapping_derives_them(string resourceName, string suffix)
    {
        var derived = suffix == "Url" ? StackOutputNames.Url(resourceName) : StackOutputNames.TableName(resourceName);

        Assert.Equal(OutputIds.For(resourceName, suffix), derived);
    }
}
