using System.Xml.Linq;

namespace Patterns.Tests.LocalCloud.Triggers.Sns;

/// <summary>SNS's query protocol against the edge, as the AWS SDKs send it (form POST, SigV4 credential scope "sns").</summary>
internal sealed class SnsApi(HttpClient edge)
{
    public static readonly XNamespace Ns = "http://sns.amazonaws.com/doc/2010-03-31/";

    public async Task<(int Status, XDocument Body)> SendAsync(params (string Name, string Value)[] parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent([new("Version", "2010-03-31"), .. parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))]),
        };
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await edge.SendAsync(request);
        return ((int)response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>A call that must succeed; its result element.</summary>
    public async Task<XDocument> CallAsync(params (string Name, string Value)[] parameters)
    {
        var (status, body) = await SendAsync(parameters);
        if (status != 200)
            throw new InvalidOperationException($"SNS {parameters.First(p => p.Name == "Action").Value} answered {status}: {body}");
        return body;
    }

    public async Task<string> CreateTopicAsync(string name, params (string Name, string Value)[] attributes)
    {
        var parameters = new List<(string, string)> { ("Action", "CreateTopic"), ("Name", name) };
        for (var i = 0; i < attributes.Length; i++)
        {
            parameters.Add(($"Attributes.entry.{i + 1}.key", attributes[i].Name));
            parameters.Add(($"Attributes.entry.{i + 1}.value", attributes[i].Value));
        }
        return Value(await CallAsync([.. parameters]), "TopicArn");
    }

    public async Task<string> SubscribeAsync(string topicArn, string protocol, string endpoint, params (string Name, string Value)[] attributes)
    {
        var parameters = new List<(string, string)> { ("Action", "Subscribe"), ("TopicArn", topicArn), ("Protocol", protocol), ("Endpoint", endpoint), ("ReturnSubscriptionArn", "true") };
        for (var i = 0; i < attributes.Length; i++)
        {
            parameters.Add(($"Attributes.entry.{i + 1}.key", attributes[i].Name));
            parameters.Add(($"Attributes.entry.{i + 1}.value", attributes[i].Value));
        }
        return Value(await CallAsync([.. parameters]), "SubscriptionArn");
    }

    /// <summary>Publish; attributes as (name, type, value).</summary>
    public async Task<string> PublishAsync(string topicArn, string message, string? subject = null, params (string Name, string Type, string Value)[] attributes) =>
        Value(await CallAsync([.. PublishParameters(topicArn, message, subject, attributes)]), "MessageId");

    public static List<(string, string)> PublishParameters(string topicArn, string message, string? subject, params (string Name, string Type, string Value)[] attributes)
    {
        var parameters = new List<(string, string)> { ("Action", "Publish"), ("TopicArn", topicArn), ("Message", message) };
        if (subject is not null)
            parameters.Add(("Subject", subject));
        for (var i = 0; i < attributes.Length; i++)
        {
            var (name, type, value) = attributes[i];
            parameters.Add(($"MessageAttributes.entry.{i + 1}.Name", name));
            parameters.Add(($"MessageAttributes.entry.{i + 1}.Value.DataType", type));
            parameters.Add(($"MessageAttributes.entry.{i + 1}.Value.{(type.StartsWith("Binary", StringComparison.Ordinal) ? "BinaryValue" : "StringValue")}", value));
        }
        return parameters;
    }

    public static string Value(XDocument document, string element) => document.Descendants(Ns + element).First().Value;

    public static (string Type, string Code, string Message) Error(XDocument document) =>
        (Value(document, "Type"), Value(document, "Code"), Value(document, "Message"));
}
