using Patterns.Benchmarks;
using Patterns.LocalCloud;

if (args is ["echo-server"])
{
    await EchoServer.ServeUntilStdinClosesAsync();
    return;
}

// Every number is measured in this run, next to its baseline, and printed as a ratio.
Console.WriteLine($"Serverless Patterns benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");

await using (var cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = 0, Log = null }))
{
    var lambda = new LambdaBench(cloud);
    await WarmInvokeBench.RunAsync(lambda);
    await ColdStartBench.RunAsync(lambda);
    await DynamoDbBench.RunAsync(cloud);
}
await ReadyBench.RunAsync();
