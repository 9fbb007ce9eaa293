using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// A whole local cloud with two functions of the Functions build, shared by the authorizer test classes: a
/// test Lambda authorizer (decisions named by the caller) and an integration that answers with the
/// proxy event it was given.
/// </summary>
public sealed class AuthorizerCloudFixture : IAsyncLifetime
{
    private readonly LocalCloudFixture _cloud = new();

    public HttpClient Edge => _cloud.Edge;

    public Uri EdgeUrl => _cloud.Cloud.EdgeUrl;

    public string AuthorizerFunction { get; } = "TestAuthorizer-" + Guid.NewGuid().ToString("N")[..8];

    public string EchoFunction { get; } = "ProxyEcho-" + Guid.NewGuid().ToString("N")[..8];

    internal RestApiControlPlane ControlPlane => new(Edge);

    internal CognitoControlPlane Cognito => new(Edge);

    public async Task InitializeAsync()
    {
        await _cloud.InitializeAsync();
        await _cloud.CreateFunctionAsync(AuthorizerFunction, "Functions::Functions.Diagnostics.TestAuthorizer::Decide", timeoutSeconds: 5);
        await _cloud.CreateFunctionAsync(EchoFunction, "Functions::Functions.Diagnostics.Faults::ProxyEcho", timeoutSeconds: 5);
    }

    public Task CreateFunctionAsync(string name, string handler, object? extra = null) =>
        _cloud.CreateFunctionAsync(name, handler, timeoutSeconds: 5, extra: extra);

    /// <summary>The lines the test authorizer logged for invocations on this API (its method ARNs name the API).</summary>
    public async Task<List<string>> AuthorizerInvocationsAsync(string apiId) =>
        (await _cloud.FilterLogEventsAsync("/aws/lambda/" + AuthorizerFunction))
            .Where(line => line.Contains("TestAuthorizer ", StringComparison.Ordinal) && line.Contains($":{apiId}/", StringComparison.Ordinal))
            .ToList();

    public Task<List<string>> LogAsync(string functionName) => _cloud.FilterLogEventsAsync("/aws/lambda/" + functionName);

    public Task DisposeAsync() => _cloud.DisposeAsync();
}
