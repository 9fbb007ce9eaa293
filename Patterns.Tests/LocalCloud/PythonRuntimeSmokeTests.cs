using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Patterns.LocalCloud;

namespace Patterns.Tests.LocalCloud;

/// <summary>
/// A custom runtime that is not ours (a few lines of Python speaking the Runtime API) runs
/// unchanged: the Runtime API is AWS's, not a private protocol of our runtime client.
/// </summary>
public sealed class PythonRuntimeSmokeTests
{
    private const string Bootstrap = """
        #!/usr/bin/env python3
        import os, sys, urllib.request
        api = os.environ["AWS_LAMBDA_RUNTIME_API"]
        while True:
            with urllib.request.urlopen(f"http://{api}/2018-06-01/runtime/invocation/next") as r:
                request_id = r.headers["Lambda-Runtime-Aws-Request-Id"]
                body = r.read()
            print("python runtime got " + body.decode(), flush=True)
            urllib.request.urlopen(urllib.request.Request(f"http://{api}/2018-06-01/runtime/invocation/{request_id}/response", data=body, method="POST")).read()
        """;

    [Fact]
    public async Task A_foreign_runtime_client_answers_invokes()
    {
        var code = Directory.CreateTempSubdirectory("python-runtime").FullName;
        var bootstrap = Path.Combine(code, "bootstrap");
        await File.WriteAllTextAsync(bootstrap, Bootstrap.Replace("\r", ""));
        File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await using var cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = 0 });
        using var http = new HttpClient { BaseAddress = cloud.EdgeUrl };
        var create = await http.PostAsJsonAsync("2015-03-31/functions", new
        {
            FunctionName = "PythonEcho",
            Runtime = "provided.al2023",
            Handler = "unused",
            Role = "arn:aws:iam::000000000000:role/lambda-role",
            Code = new { S3Bucket = "hot-reload", S3Key = code },
        }, new System.Text.Json.JsonSerializerOptions());
        Assert.True(201 == (int)create.StatusCode, await create.Content.ReadAsStringAsync());

        var invoke = await http.PostAsync("2015-03-31/functions/PythonEcho/invocations", new StringContent("{\"hello\":\"world\"}", Encoding.UTF8, "application/json"));
        Assert.True(200 == (int)invoke.StatusCode, await invoke.Content.ReadAsStringAsync());
        Assert.Equal("{\"hello\":\"world\"}", await invoke.Content.ReadAsStringAsync());
    }
}
