using Patterns.AppHost.Patterns;
using static Patterns.Tests.Cdk.TemplateJson;

namespace Patterns.Tests.Cdk;

/// <summary>Pattern 5 (ImageUploadHandler → ImageProcessingTopic → ThumbnailGenerator, MetadataExtractor, ImageClassifier) as the app's stack deploys it.</summary>
[Collection(CdkCollection.Name)]
public sealed class Pattern05StackTests(SynthesizedApp synthesized)
{
    private TemplateJson Json => synthesized.Json<Pattern05FanOut>();

    private string TopicId => Json.Exactly("AWS::SNS::Topic", Pattern05FanOut.TopicName).LogicalId;

    [Fact]
    public void Each_processor_is_a_Lambda_subscription_of_the_topic_without_a_filter()
    {
        var subscriptions = Json.Resources("AWS::SNS::Subscription").Select(s => s.Resource["Properties"]!).ToList();

        Assert.Equal(3, subscriptions.Count);
        foreach (var name in Pattern05FanOut.SubscriberNames)
        {
            var (functionId, _) = Json.Exactly("AWS::Lambda::Function", $"{name}Function");
            var subscription = Assert.Single(subscriptions, s => s["Endpoint"]!.ToJsonString() == GetAtt(functionId, "Arn"));
            Assert.Equal("lambda", (string?)subscription["Protocol"]);
            Assert.Equal(Ref(TopicId), subscription["TopicArn"]!.ToJsonString());
            Assert.Null(subscription["FilterPolicy"]);
            Assert.Null(subscription["RawMessageDelivery"]);
        }
    }

    [Fact]
    public void SNS_may_invoke_each_processor_only_for_the_topic()
    {
        var permissions = Json.Resources("AWS::Lambda::Permission").Select(p => p.Resource["Properties"]!).ToList();

        Assert.Equal(3, permissions.Count);
        foreach (var name in Pattern05FanOut.SubscriberNames)
        {
            var (functionId, _) = Json.Exactly("AWS::Lambda::Function", $"{name}Function");
            var permission = Assert.Single(permissions, p => (string?)p["FunctionName"]?["Fn::GetAtt"]?[0] == functionId);
            Assert.Equal(("lambda:InvokeFunction", "sns.amazonaws.com"), ((string?)permission["Action"], (string?)permission["Principal"]));
            Assert.Equal(Ref(TopicId), permission["SourceArn"]!.ToJsonString());
        }
    }

    [Fact]
    public void ImageUploadHandler_gets_the_topic_ARN_and_may_only_publish_to_that_topic()
    {
        var (_, function) = Json.Exactly("AWS::Lambda::Function", $"{Pattern05FanOut.PublisherName}Function");
        Assert.Equal(Ref(TopicId), function["Properties"]!["Environment"]!["Variables"]!["TOPIC_ARN"]!.ToJsonString());

        var (roleId, _) = Json.Exactly("AWS::IAM::Role", $"{Pattern05FanOut.PublisherName}Role");
        var (logGroupId, _) = Json.Exactly("AWS::Logs::LogGroup", $"{Pattern05FanOut.PublisherName}LogGroup");
        var expected = Json.BaseGrants(logGroupId).Append($"sns:Publish on {Ref(TopicId)}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, Json.Grants(roleId));
    }

    [Fact]
    public void The_topic_has_no_fixed_name_and_its_ARN_is_an_output()
    {
        var (_, topic) = Json.Exactly("AWS::SNS::Topic", Pattern05FanOut.TopicName);

        Assert.Null(topic["Properties"]?["TopicName"]);
        Assert.Equal(Ref(TopicId), Json.Root["Outputs"]?["ImageProcessingTopicTopicArn"]?["Value"]?.ToJsonString());
    }
}
