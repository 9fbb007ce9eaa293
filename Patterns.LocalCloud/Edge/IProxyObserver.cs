namespace Patterns.LocalCloud.Edge;

/// <summary>
/// Told about every mutating request (not GET/HEAD) that the edge proxied to moto and moto
/// accepted, so that a service can drop what it cached of moto's state (e.g. a deployed API)
/// or act on it (e.g. an object upload that a bucket notification names).
/// </summary>
internal interface IProxyObserver
{
    /// <summary>Called on the request's thread before the response completes; keep it quick and start longer work elsewhere.</summary>
    void OnProxied(ProxiedCall call);
}
