using System.Collections.Concurrent;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// Authorizer results kept for the authorizer's TTL, as API Gateway keeps them: the result (a
/// policy, or verified token claims) is stored, not the decision, so each request is judged
/// against its own method. Entries of an API are dropped when the API changes (a redeployment);
/// a result computed across such a change is not kept.
/// </summary>
internal sealed class AuthorizerResultCache<TResult>(TimeProvider time)
    where TResult : class
{
    // Beyond this many entries, expired ones are swept on the next store.
    private const int SweepThreshold = 1024;

    private readonly ConcurrentDictionary<AuthorizerCacheKey, (TResult Result, DateTimeOffset ExpiresAt)> _entries = new();
    private long _generation;

    /// <summary>Read before computing a result; pass it to <see cref="Store"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public TResult? Get(AuthorizerCacheKey key)
    {
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        if (entry.ExpiresAt > time.GetUtcNow())
            return entry.Result;
        _entries.TryRemove(new KeyValuePair<AuthorizerCacheKey, (TResult, DateTimeOffset)>(key, entry));
        return null;
    }

    public void Store(AuthorizerCacheKey key, TResult result, TimeSpan ttl, long generation)
    {
        if (ttl <= TimeSpan.Zero)
            return;
        if (_entries.Count >= SweepThreshold)
            Sweep();
        var entry = (result, time.GetUtcNow() + ttl);
        _entries[key] = entry;
        if (Interlocked.Read(ref _generation) != generation)
            _entries.TryRemove(new KeyValuePair<AuthorizerCacheKey, (TResult, DateTimeOffset)>(key, entry));
    }

    public void Invalidate(string apiId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var key in _entries.Keys)
        {
            if (string.Equals(key.ApiId, apiId, StringComparison.Ordinal))
                _entries.TryRemove(key, out _);
        }
    }

    public void InvalidateAll()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
                _entries.TryRemove(new KeyValuePair<AuthorizerCacheKey, (TResult, DateTimeOffset)>(key, entry));
        }
    }
}
