namespace Patterns.LocalCloud.Moto;

/// <summary>
/// Stands between the local cloud's HTTP clients and a moto_server that may still be starting:
/// each request waits until moto answers and is then sent to moto's address, so the edge can
/// serve (and the orchestrator provision) while Python is still importing moto. moto's address
/// is known only once it listens (it may move to another port when its first is taken), so
/// requests are made against <see cref="PlaceholderAddress"/> and pointed at moto here.
/// </summary>
internal sealed class MotoGate : DelegatingHandler
{
    /// <summary>The base address of every client behind the gate; never contacted.</summary>
    public static readonly Uri PlaceholderAddress = new("http://moto.localcloud.invalid/");

    private readonly Task<MotoServer> _start;

    public MotoGate(Task<MotoServer> start, HttpMessageHandler inner)
        : base(inner)
    {
        _start = start;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        MotoServer moto;
        try
        {
            moto = await _start.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Reported as moto being unreachable, which is what every caller already handles.
            throw new HttpRequestException($"moto_server did not start: {exception.Message}", exception);
        }
        var target = request.RequestUri ?? throw new InvalidOperationException("A request to moto has no address.");
        request.RequestUri = target.IsAbsoluteUri
            ? new UriBuilder(target) { Host = moto.Url.Host, Port = moto.Url.Port }.Uri
            : new Uri(moto.Url, target.OriginalString);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
