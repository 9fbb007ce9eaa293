using System.Collections.Concurrent;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// Deployed API definitions per API and stage, read from moto once and kept until an API
/// Gateway control-plane call changes them. A load that overlaps an invalidation is not kept,
/// so a definition read before a change can never outlive it.
/// </summary>
internal sealed class ApiDefinitionCache(ApiDefinitionLoader loader)
{
    private readonly ConcurrentDictionary<(string ApiId, string Stage), DeployedApi> _apis = new();
    private long _generation;

    public async Task<ApiLookup> GetAsync(string apiId, string stage, CancellationToken cancellationToken)
    {
        if (_apis.TryGetValue((apiId, stage), out var cached))
            return ApiLookup.Found(cached);

        var generation = Interlocked.Read(ref _generation);
        var lookup = await loader.LoadAsync(apiId, stage, cancellationToken).ConfigureAwait(false);
        // Lookups that found nothing are not kept: the API or stage may be created next.
        if (lookup.Api is { } api)
        {
            _apis[(apiId, stage)] = api;
            if (Interlocked.Read(ref _generation) != generation)
                _apis.TryRemove(new KeyValuePair<(string, string), DeployedApi>((apiId, stage), api));
        }
        return lookup;
    }

    public void Invalidate(string apiId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var key in _apis.Keys)
        {
            if (string.Equals(key.ApiId, apiId, StringComparison.Ordinal))
                _apis.TryRemove(key, out _);
        }
    }

    public void InvalidateAll()
    {
        Interlocked.Increment(ref _generation);
        _apis.Clear();
    }
}
