using System.Runtime.ExceptionServices;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>
/// Provisions a whole model. Every resource starts as soon as what it depends on is done —
/// a function after the tables it references, an API's methods after its routes' functions
/// (the API and its paths need none, so they are created meanwhile) — so independent work
/// runs in parallel, in dependency order.
/// </summary>
internal sealed class Provisioner(EdgeClients clients, LocalAppOptions options, string? functionsDirectory, Uri edgeUrl)
{
    private readonly string _region = options.LocalCloud.Region;
    private readonly string _accountId = options.LocalCloud.AccountId;

    public async Task<ProvisionedApp> ProvisionAsync(AppModel model, CancellationToken cancellationToken)
    {
        var tables = model.Tables.ToDictionary(t => t.Name, t => ProvisionTableAsync(t, cancellationToken));
        var functions = model.Functions.ToDictionary(f => f.Name, f => ProvisionFunctionAsync(f, tables, cancellationToken));
        var apis = model.RestApis.Select(a => ProvisionRestApiAsync(a, functions, cancellationToken)).ToList();

        var all = tables.Values.Cast<Task>().Concat(functions.Values).Concat(apis).ToList();
        try
        {
            await Task.WhenAll(all).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Task.WhenAll rethrows only the first failure; a dependent's failure is its
            // dependency's, so report each distinct one.
            var failures = all.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).Distinct().ToList();
            if (failures.Count == 1)
                ExceptionDispatchInfo.Throw(failures[0]);
            throw new AggregateException($"{failures.Count} resources could not be provisioned: {string.Join(" | ", failures.Select(f => f.Message))}", failures);
        }

        return new ProvisionedApp(
            [.. tables.Values.Select(t => t.Result)],
            [.. functions.Values.Select(f => f.Result)],
            [.. apis.Select(a => a.Result)]);
    }

    private async Task<ProvisionedTable> ProvisionTableAsync(Table table, CancellationToken cancellationToken)
    {
        await Task.Yield(); // start every resource before any of them blocks the caller
        return await Guard("Table", table.Name, () => new TableProvisioner(clients.DynamoDb).ProvisionAsync(table, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<ProvisionedFunction> ProvisionFunctionAsync(Function function, Dictionary<string, Task<ProvisionedTable>> tables, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(function.Environment, StringComparer.Ordinal);
        foreach (var reference in function.References)
            environment[reference.EnvironmentVariable] = (await tables[reference.ResourceName].ConfigureAwait(false)).Name;

        var provisioner = new FunctionProvisioner(clients.Lambda, functionsDirectory!, _accountId, options.FunctionReadyTimeout);
        return await Guard("Function", function.Name, () => provisioner.ProvisionAsync(function, environment, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<ProvisionedRestApi> ProvisionRestApiAsync(RestApi api, Dictionary<string, Task<ProvisionedFunction>> functions, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var provisioner = new RestApiProvisioner(clients.ApiGateway, _region, edgeUrl);
        var draft = await Guard("REST API", api.Name, () => provisioner.PrepareAsync(api, cancellationToken)).ConfigureAwait(false);

        var routeFunctions = new Dictionary<string, ProvisionedFunction>(StringComparer.Ordinal);
        foreach (var name in api.Routes.Select(r => r.FunctionName).Distinct())
            routeFunctions[name] = await functions[name].ConfigureAwait(false);

        return await Guard("REST API", api.Name, async () =>
        {
            // Granted before the deployment, so that the stage never serves a route its function refuses.
            await new InvokePermissions(clients.Lambda, _region, _accountId).GrantAsync(api, draft.RestApiId, routeFunctions, cancellationToken).ConfigureAwait(false);
            return await provisioner.CompleteAsync(draft, routeFunctions, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    // Names the resource in its own failures; a dependency's failure passes through as it is.
    private static async Task<T> Guard<T>(string kind, string name, Func<Task<T>> provision)
    {
        try
        {
            return await provision().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not ProvisioningException)
        {
            throw new ProvisioningException(kind, name, exception);
        }
    }
}
