using Functions.Runtime.Bootstrap;

return LambdaBootstrap.Run(Environment.GetEnvironmentVariable, TimeProvider.System, CancellationToken.None);
