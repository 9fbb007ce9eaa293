using System.Text;
using System.Text.Json;

namespace Patterns.Tests.Support;

/// <summary>Reads a log group through the edge with CloudWatch Logs' FilterLogEvents, as `aws logs filter-log-events` does.</summary>
internal static class CloudWatchLogs
{
    /// <summary>Every message of the group, oldest first; empty while the group does not exist yet.</summary>
    public static async Task<List<string>> MessagesAsync(HttpClient edge, string group) =>
        [.. (await EventsAsync(edge, group)).Select(e => e.Message)];

    /// <summary>Every event of the group with its log stream (one per function instance), oldest first.</summary>
    public static async Task<List<(string Stream, string Message)>> EventsAsync(HttpClient edge, string group)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { logGroupName = group }), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "Logs_20140328.FilterLogEvents");
        using var response = await edge.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            return [];
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("logStreamName").GetString()!, e.GetProperty("message").GetString()!))];
    }
}
