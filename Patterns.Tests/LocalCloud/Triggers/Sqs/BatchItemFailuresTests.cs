using System.Text;
using Patterns.LocalCloud.Triggers.Sqs;

namespace Patterns.Tests.LocalCloud.Triggers.SqsEventSources;

/// <summary>A partial batch response read as Lambda reads it: which messages stay in the queue.</summary>
public sealed class BatchItemFailuresTests
{
    private static readonly string[] Batch = ["m-1", "m-2", "m-3"];

    [Theory]
    [InlineData("", "")]
    [InlineData("null", "")]
    [InlineData("{}", "")]
    [InlineData("""{"batchItemFailures":null}""", "")]
    [InlineData("""{"batchItemFailures":[]}""", "")]
    [InlineData("""{"statusCode":200}""", "")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":"m-2"}]}""", "m-2")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":"m-3"},{"itemIdentifier":"m-1"}]}""", "m-1,m-3")]
    public void A_well_formed_response_fails_exactly_the_messages_it_names(string response, string failed)
    {
        var result = BatchItemFailures.Read(Encoding.UTF8.GetBytes(response), Batch);

        Assert.Null(result.Problem);
        Assert.Equal(failed.Split(',', StringSplitOptions.RemoveEmptyEntries), result.FailedMessageIds.Order());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("\"ok\"")]
    [InlineData("[]")]
    [InlineData("""{"batchItemFailures":"m-1"}""")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":""}]}""")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":null}]}""")]
    [InlineData("""{"batchItemFailures":[{"messageId":"m-1"}]}""")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":"m-1"},{"itemIdentifier":"not-in-the-batch"}]}""")]
    [InlineData("""{"batchItemFailures":["m-1"]}""")]
    public void A_malformed_response_fails_the_whole_batch(string response)
    {
        var result = BatchItemFailures.Read(Encoding.UTF8.GetBytes(response), Batch);

        Assert.NotNull(result.Problem);
        Assert.Equal(Batch, result.FailedMessageIds.Order());
    }
}
