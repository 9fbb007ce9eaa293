namespace Patterns.LocalCloud.Edge;

/// <summary>
/// Told about every mutating request (not GET/HEAD) that the edge proxied to moto and moto
/// accepted, so that a service can drop what it cached of moto's state (e.g. a deployed API).
/// </summary>
internal interface IProxyObserver
{
    void OnProxied(string service, string method, string path);
}
