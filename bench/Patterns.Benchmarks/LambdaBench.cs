using System.Net.Http.Json;
using System.Text;
using Patterns.LocalCloud;

namespace Patterns.Benchmarks;

/// <summary>Creates and invokes functions of the Functions build through the edge's Lambda API.</summary>
internal sealed class LambdaBench(LocalCloudHost cloud)
{
    public HttpClient Edge { get; } = new() { BaseAddress = cloud.EdgeUrl };

    public async Task CreateAsync(string name, string handler)
    {
        using var response = await Edge.PostAsJsonAsync("2015-03-31/functions", new Dictionary<string, object>
        {
            ["FunctionName"] = name,
            ["Runtime"] = "provided.al2023",
            ["Handler"] = handler,
            ["Role"] = "arn:aws:iam::000000000000:role/bench",
            ["Code"] = new Dictionary<string, string> { ["S3Bucket"] = "hot-reload", ["S3Key"] = BuildOutputs.Functions },
        });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"CreateFunction {name}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task InvokeAsync(string name, string payload, string invocationType = "RequestResponse")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"2015-03-31/functions/{name}/invocations")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amz-Invocation-Type", invocationType);
        using var response = await Edge.SendAsync(request);
        if (!response.IsSuccessStatusCode || response.Headers.Contains("X-Amz-Function-Error"))
            throw new InvalidOperationException($"Invoke {name}: {await response.Content.ReadAsStringAsync()}");
        await response.Content.ReadAsByteArrayAsync();
    }
}
