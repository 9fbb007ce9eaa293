using Patterns.AppHost.Patterns;
using static Patterns.Tests.Cdk.TemplateJson;

namespace Patterns.Tests.Cdk;

/// <summary>Pattern 4 (PaymentProducer → PaymentQueue → PaymentProcessor, PaymentQueue-DLQ) as the app's stack deploys it.</summary>
[Collection(CdkCollection.Name)]
public sealed class Pattern04StackTests(SynthesizedApp synthesized)
{
    private const string QueuePath = "PaymentQueue";
    private const string DeadLetterQueuePath = "PaymentQueueDLQ";

    private TemplateJson Json => synthesized.Json<Pattern04QueueLoadLeveling>();

    [Fact]
    public void PaymentQueue_moves_a_message_to_the_DLQ_after_3_receives()
    {
        var (dlqId, dlq) = Json.Exactly("AWS::SQS::Queue", DeadLetterQueuePath);
        var (_, queue) = Json.Exactly("AWS::SQS::Queue", QueuePath);

        var redrive = queue["Properties"]!["RedrivePolicy"]!;
        Assert.Equal(GetAtt(dlqId, "Arn"), redrive["deadLetterTargetArn"]!.ToJsonString());
        Assert.Equal(Pattern04QueueLoadLeveling.MaxReceiveCount, (int?)redrive["maxReceiveCount"]);
        Assert.Equal(30, (int?)queue["Properties"]!["VisibilityTimeout"]);
        Assert.Null(dlq["Properties"]!["RedrivePolicy"]);
        // Names are CloudFormation's: queue names are unique per account and region.
        Assert.Null(queue["Properties"]!["QueueName"]);
        Assert.Equal(2, Json.Resources("AWS::SQS::Queue").Count());
    }

    [Fact]
    public void Lambda_polls_PaymentQueue_for_PaymentProcessor_in_batches_of_5_with_partial_batch_responses()
    {
        var (queueId, _) = Json.Exactly("AWS::SQS::Queue", QueuePath);
        var (functionId, _) = Json.Exactly("AWS::Lambda::Function", $"{Pattern04QueueLoadLeveling.ProcessorName}Function");
        var (_, mapping) = Assert.Single(Json.Resources("AWS::Lambda::EventSourceMapping"));
        var properties = mapping["Properties"]!;

        Assert.Equal(GetAtt(queueId, "Arn"), properties["EventSourceArn"]!.ToJsonString());
        Assert.Equal(Ref(functionId), properties["FunctionName"]!.ToJsonString());
        Assert.Equal(Pattern04QueueLoadLeveling.BatchSize, (int?)properties["BatchSize"]);
        Assert.Equal(["ReportBatchItemFailures"], properties["FunctionResponseTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Null(properties["MaximumBatchingWindowInSeconds"]);
    }

    [Fact]
    public void PaymentProducer_gets_the_queue_URL_and_may_only_send_to_PaymentQueue()
    {
        var (queueId, _) = Json.Exactly("AWS::SQS::Queue", QueuePath);
        var (_, function) = Json.Exactly("AWS::Lambda::Function", $"{Pattern04QueueLoadLeveling.ProducerName}Function");
        Assert.Equal(Ref(queueId), function["Properties"]!["Environment"]!["Variables"]!["QUEUE_URL"]!.ToJsonString());

        var (roleId, _) = Json.Exactly("AWS::IAM::Role", $"{Pattern04QueueLoadLeveling.ProducerName}Role");
        var (logGroupId, _) = Json.Exactly("AWS::Logs::LogGroup", $"{Pattern04QueueLoadLeveling.ProducerName}LogGroup");
        var expected = Json.BaseGrants(logGroupId).Append($"sqs:SendMessage on {GetAtt(queueId, "Arn")}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, Json.Grants(roleId));
    }

    [Fact]
    public void PaymentProcessor_may_consume_PaymentQueue_only_and_never_touches_the_DLQ()
    {
        var (queueId, _) = Json.Exactly("AWS::SQS::Queue", QueuePath);
        var (roleId, _) = Json.Exactly("AWS::IAM::Role", $"{Pattern04QueueLoadLeveling.ProcessorName}Role");
        var (logGroupId, _) = Json.Exactly("AWS::Logs::LogGroup", $"{Pattern04QueueLoadLeveling.ProcessorName}LogGroup");

        string[] consume = ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"];
        var expected = Json.BaseGrants(logGroupId).Concat(consume.Select(a => $"{a} on {GetAtt(queueId, "Arn")}")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Json.Grants(roleId));
    }

    [Fact]
    public void Both_queue_URLs_are_outputs()
    {
        var outputs = Json.Root["Outputs"]!;

        Assert.Equal(Ref(Json.Exactly("AWS::SQS::Queue", QueuePath).LogicalId), outputs["PaymentQueueQueueUrl"]?["Value"]?.ToJsonString());
        Assert.Equal(Ref(Json.Exactly("AWS::SQS::Queue", DeadLetterQueuePath).LogicalId), outputs["PaymentQueueDLQQueueUrl"]?["Value"]?.ToJsonString());
    }
}
