using System.Text;
using Functions.Runtime.Telemetry;

namespace Patterns.Tests.Telemetry;

public sealed class FaasTriggerTests
{
    [Theory]
    [InlineData("""{"resource":"/products","httpMethod":"GET","requestContext":{}}""", "http")]
    [InlineData("""{"version":"2.0","requestContext":{"http":{"method":"GET"}}}""", "http")]
    [InlineData("""{"Records":[{"EventSource":"aws:sns","Sns":{}}]}""", "pubsub")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs","body":"x"}]}""", "pubsub")]
    [InlineData("""{"Records":[{"eventSource":"aws:dynamodb","dynamodb":{}}]}""", "datasource")]
    [InlineData("""{"Records":[{"eventSource":"aws:kinesis","kinesis":{}}]}""", "datasource")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3","s3":{}}]}""", "datasource")]
    [InlineData("""{"source":"aws.events","detail-type":"Scheduled Event","detail":{}}""", "timer")]
    [InlineData("""{"source":"orders","detail-type":"OrderPlaced","detail":{}}""", "pubsub")]
    [InlineData("""{"detail-type":"OrderPlaced"}""", "other")]
    [InlineData("""{"Records":[]}""", "other")]
    [InlineData("""{"name":"Trainee"}""", "other")]
    [InlineData("""[1,2]""", "other")]
    [InlineData("""not json""", "other")]
    [InlineData("", "other")]
    public void Is_derived_from_the_event_shape(string payload, string expected) =>
        Assert.Equal(expected, FaasTrigger.Of(Encoding.UTF8.GetBytes(payload)));
}
