using Functions.Runtime.Bootstrap;

return await LambdaBootstrap.RunAsync(Environment.GetEnvironmentVariable, TimeProvider.System, CancellationToken.None);
