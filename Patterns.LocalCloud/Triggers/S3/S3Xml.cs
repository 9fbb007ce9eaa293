using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>S3's XML answers: documents in the 2006-03-01 namespace and the Error shape.</summary>
internal static class S3Xml
{
    public static readonly XNamespace Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static Task WriteAsync(HttpContext context, int status, XElement document)
    {
        var body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document.ToString(SaveOptions.DisableFormatting);
        return WriteTextAsync(context, status, body);
    }

    public static Task WriteErrorAsync(HttpContext context, S3ErrorException error)
    {
        var document = new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message));
        for (var i = 0; i < error.Arguments.Count; i++)
        {
            var suffix = error.NumberArguments ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            document.Add(new XElement("ArgumentName" + suffix, error.Arguments[i].Name), new XElement("ArgumentValue" + suffix, error.Arguments[i].Value));
        }
        document.Add(new XElement("RequestId", RequestId()), new XElement("HostId", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))));
        return WriteAsync(context, error.StatusCode, document);
    }

    /// <summary>An id in the form S3 gives its requests (16 upper-case hex digits).</summary>
    public static string RequestId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    private static async Task WriteTextAsync(HttpContext context, int status, string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
