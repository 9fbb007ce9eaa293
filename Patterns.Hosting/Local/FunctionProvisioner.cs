using Patterns.AwsClients.Core;
using Patterns.AwsClients.Lambda;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>
/// Creates a model's function on the custom runtime with the Functions build as its code, or
/// brings an existing one up to the model (configuration if it differs, code always, so that
/// a rebuilt Functions directory is picked up), then waits until it is ready.
/// </summary>
internal sealed class FunctionProvisioner(LambdaClient lambda, string codeDirectory, string accountId, TimeSpan readyTimeout)
{
    public const string Runtime = "provided.al2023";

    /// <param name="environment">The function's variables with its references resolved.</param>
    public async Task<ProvisionedFunction> ProvisionAsync(Function function, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var role = $"arn:aws:iam::{accountId}:role/{function.Name}-role";
        var timeout = (int)function.Timeout.TotalSeconds;
        FunctionConfiguration configuration;
        try
        {
            configuration = await lambda.CreateFunctionAsync(
                new CreateFunctionRequest(function.Name, role, FunctionCode.FromLocalDirectory(codeDirectory))
                {
                    Runtime = Runtime,
                    Handler = function.Handler,
                    Timeout = timeout,
                    MemorySize = function.MemorySize,
                    Environment = new FunctionEnvironment { Variables = environment },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == "ResourceConflictException")
        {
            // It exists (an earlier run against the same endpoint): update it in place.
            configuration = await UpdateAsync(function, role, timeout, environment, cancellationToken).ConfigureAwait(false);
        }
        if (!LambdaClient.IsReady(configuration))
            configuration = await lambda.WaitUntilReadyAsync(function.Name, readyTimeout, cancellationToken).ConfigureAwait(false);
        return new ProvisionedFunction(configuration.FunctionName, configuration.FunctionArn);
    }

    private async Task<FunctionConfiguration> UpdateAsync(Function function, string role, int timeout, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var current = await lambda.WaitUntilReadyAsync(function.Name, readyTimeout, cancellationToken).ConfigureAwait(false);
        if (current.Handler != function.Handler || current.Runtime != Runtime || current.Timeout != timeout
            || current.MemorySize != function.MemorySize || current.Role != role || !SameVariables(current.Environment?.Variables, environment))
        {
            await lambda.UpdateFunctionConfigurationAsync(
                new UpdateFunctionConfigurationRequest(function.Name)
                {
                    Role = role,
                    Runtime = Runtime,
                    Handler = function.Handler,
                    Timeout = timeout,
                    MemorySize = function.MemorySize,
                    Environment = new FunctionEnvironment { Variables = environment },
                },
                cancellationToken).ConfigureAwait(false);
            // Lambda refuses a second update while the first is in progress.
            await lambda.WaitUntilReadyAsync(function.Name, readyTimeout, cancellationToken).ConfigureAwait(false);
        }
        var code = FunctionCode.FromLocalDirectory(codeDirectory);
        return await lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest(function.Name) { S3Bucket = code.S3Bucket, S3Key = code.S3Key }, cancellationToken).ConfigureAwait(false);
    }

    private static bool SameVariables(IReadOnlyDictionary<string, string>? current, IReadOnlyDictionary<string, string> wanted) =>
        (current?.Count ?? 0) == wanted.Count && wanted.All(w => current!.TryGetValue(w.Key, out var value) && value == w.Value);
}
