using System.Security.Cryptography;
using System.Text.Json;

namespace Functions.Pattern02;

/// <summary>
/// Fetches the pool's JWKS once per process and keeps it: Cognito's keys change rarely, and a
/// warm authorizer should not add a network call to every request. A failed fetch is not kept,
/// so the next invocation tries again.
/// </summary>
internal sealed class HttpJsonWebKeySource(HttpClient http, Uri jwksUri) : IJsonWebKeySource
{
    private Task<IReadOnlyDictionary<string, RSAParameters>>? _keys;

    public async Task<IReadOnlyDictionary<string, RSAParameters>> GetKeysAsync(CancellationToken cancellationToken)
    {
        var keys = _keys ??= FetchAsync(cancellationToken);
        try
        {
            return await keys;
        }
        catch
        {
            _ = Interlocked.CompareExchange(ref _keys, null, keys);
            throw;
        }
    }

    private async Task<IReadOnlyDictionary<string, RSAParameters>> FetchAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(jwksUri, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The user pool's JWKS at {jwksUri} answered {(int)response.StatusCode}; check USER_POOL_ID and the Cognito endpoint.");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return JsonWebKeys.Parse(document.RootElement);
    }
}
