using Patterns.Benchmarks;
using Patterns.LocalCloud;

if (args is ["echo-server"])
{
    await EchoServer.ServeUntilStdinClosesAsync();
    return;
}

// Every number is measured in this run, next to its baseline, and printed as a ratio.
// Arguments pick sections (warm, cold, dynamodb, telemetry, ready); none runs them all.
bool Runs(string section) => args.Length == 0 || args.Contains(section);
Console.WriteLine($"Serverless Patterns benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");

await using (var cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = 0, Log = null }))
{
    var lambda = new LambdaBench(cloud);
    if (Runs("warm"))
        await WarmInvokeBench.RunAsync(lambda);
    if (Runs("cold"))
        await ColdStartBench.RunAsync(lambda);
    if (Runs("dynamodb"))
        await DynamoDbBench.RunAsync(cloud);
}
if (Runs("telemetry"))
    await TelemetryOverheadBench.RunAsync();
if (Runs("ready"))
    await ReadyBench.RunAsync();
