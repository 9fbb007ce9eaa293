using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Edge;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>The query protocol's answers: {Action}Response/{Action}Result + ResponseMetadata, and ErrorResponse.</summary>
internal static class SnsXml
{
    public static readonly XNamespace Namespace = "http://sns.amazonaws.com/doc/2010-03-31/";

    public static Task WriteResultAsync(HttpContext context, string action, params object?[] resultContent)
    {
        var requestId = Guid.NewGuid().ToString();
        var document = new XElement(Namespace + $"{action}Response",
            new XElement(Namespace + $"{action}Result", resultContent),
            new XElement(Namespace + "ResponseMetadata", new XElement(Namespace + "RequestId", requestId)));
        return WriteAsync(context, 200, requestId, document);
    }

    public static Task WriteErrorAsync(HttpContext context, AwsServiceException error)
    {
        var requestId = Guid.NewGuid().ToString();
        var document = new XElement(Namespace + "ErrorResponse",
            new XElement(Namespace + "Error",
                new XElement(Namespace + "Type", error.StatusCode >= 500 ? "Receiver" : "Sender"),
                new XElement(Namespace + "Code", error.ErrorCode),
                new XElement(Namespace + "Message", error.Message)),
            new XElement(Namespace + "RequestId", requestId));
        return WriteAsync(context, error.StatusCode, requestId, document);
    }

    public static XElement Element(string name, object? content) => new(Namespace + name, content);

    private static async Task WriteAsync(HttpContext context, int status, string requestId, XElement document)
    {
        var body = Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
