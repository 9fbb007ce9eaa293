using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>
/// Amazon Cognito user pools (JSON 1.1, X-Amz-Target AWSCognitoIdentityProviderService.*, signed
/// for "cognito-idp"): pools, app clients, users and sign-in. Errors surface as
/// <see cref="AwsServiceException"/>, e.g. NotAuthorizedException (wrong password, a flow the
/// client does not allow), UserNotFoundException, UsernameExistsException,
/// ResourceNotFoundException (no such pool or client), InvalidPasswordException.
/// </summary>
public sealed class CognitoIdentityProviderClient : IDisposable
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService";

    private readonly AwsRequestSender _sender;

    public CognitoIdentityProviderClient(AwsClientOptions options)
        : this(options, null)
    {
    }

    /// <param name="http">A caller-owned HttpClient (e.g. over a test handler); null = one of our own.</param>
    public CognitoIdentityProviderClient(AwsClientOptions options, HttpClient? http)
        : this(options, http, TimeProvider.System)
    {
    }

    internal CognitoIdentityProviderClient(AwsClientOptions options, HttpClient? http, TimeProvider time)
    {
        _sender = AwsRequestSender.For(AwsService.CognitoIdentityProvider, options, http, time);
    }

    public Uri Endpoint => _sender.Settings.Endpoint;

    public Task<CreateUserPoolResponse> CreateUserPoolAsync(CreateUserPoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.PoolName, nameof(request));
        return SendAsync("CreateUserPool", request, Json.CreateUserPoolRequest, Json.CreateUserPoolResponse, cancellationToken);
    }

    /// <exception cref="AwsServiceException">ResourceNotFoundException when the pool does not exist.</exception>
    public Task<DescribeUserPoolResponse> DescribeUserPoolAsync(string userPoolId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPoolId);
        return SendAsync("DescribeUserPool", new UserPoolInput(userPoolId), Json.UserPoolInput, Json.DescribeUserPoolResponse, cancellationToken);
    }

    /// <summary>One page of the region's pools; pass the previous page's NextToken for the next.</summary>
    /// <param name="maxResults">1–60; Cognito requires it.</param>
    public Task<ListUserPoolsResponse> ListUserPoolsAsync(int maxResults = 60, string? nextToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, 60);
        return SendAsync("ListUserPools", new ListUserPoolsInput(maxResults, nextToken), Json.ListUserPoolsInput, Json.ListUserPoolsResponse, cancellationToken);
    }

    /// <summary>Every pool of the region, following NextToken through all pages.</summary>
    public async Task<IReadOnlyList<UserPoolDescription>> ListAllUserPoolsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<UserPoolDescription>();
        string? nextToken = null;
        do
        {
            var page = await ListUserPoolsAsync(60, nextToken, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.UserPools);
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));
        return all;
    }

    /// <exception cref="AwsServiceException">ResourceNotFoundException when the pool does not exist.</exception>
    public Task DeleteUserPoolAsync(string userPoolId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPoolId);
        return SendAsync("DeleteUserPool", new UserPoolInput(userPoolId), Json.UserPoolInput, cancellationToken);
    }

    public Task<CreateUserPoolClientResponse> CreateUserPoolClientAsync(CreateUserPoolClientRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.UserPoolId, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.ClientName, nameof(request));
        return SendAsync("CreateUserPoolClient", request, Json.CreateUserPoolClientRequest, Json.CreateUserPoolClientResponse, cancellationToken);
    }

    /// <exception cref="AwsServiceException">ResourceNotFoundException when the pool or client does not exist.</exception>
    public Task<DescribeUserPoolClientResponse> DescribeUserPoolClientAsync(string userPoolId, string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPoolId);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return SendAsync("DescribeUserPoolClient", new UserPoolClientInput(userPoolId, clientId), Json.UserPoolClientInput, Json.DescribeUserPoolClientResponse, cancellationToken);
    }

    /// <summary>One page of a pool's app clients; pass the previous page's NextToken for the next.</summary>
    /// <param name="maxResults">1–60; null = Cognito's default.</param>
    public Task<ListUserPoolClientsResponse> ListUserPoolClientsAsync(string userPoolId, int? maxResults = null, string? nextToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPoolId);
        return SendAsync("ListUserPoolClients", new ListUserPoolClientsInput(userPoolId, maxResults, nextToken), Json.ListUserPoolClientsInput, Json.ListUserPoolClientsResponse, cancellationToken);
    }

    /// <summary>Every app client of a pool, following NextToken through all pages.</summary>
    public async Task<IReadOnlyList<UserPoolClientDescription>> ListAllUserPoolClientsAsync(string userPoolId, CancellationToken cancellationToken = default)
    {
        var all = new List<UserPoolClientDescription>();
        string? nextToken = null;
        do
        {
            var page = await ListUserPoolClientsAsync(userPoolId, 60, nextToken, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.UserPoolClients);
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));
        return all;
    }

    /// <exception cref="AwsServiceException">UsernameExistsException when the pool has the user already.</exception>
    public Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.UserPoolId, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.Username, nameof(request));
        return SendAsync("AdminCreateUser", request, Json.AdminCreateUserRequest, Json.AdminCreateUserResponse, cancellationToken);
    }

    /// <exception cref="AwsServiceException">UserNotFoundException; InvalidPasswordException when the pool's policy rejects the password.</exception>
    public Task AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.UserPoolId, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.Username, nameof(request));
        return SendAsync("AdminSetUserPassword", request, Json.AdminSetUserPasswordRequest, cancellationToken);
    }

    /// <summary>
    /// Signs a user in through an app client. Sent without SigV4, as AWS defines it: an app with
    /// no AWS credentials may call it.
    /// </summary>
    /// <exception cref="AwsServiceException">NotAuthorizedException (wrong password, flow not allowed for the client), UserNotFoundException.</exception>
    public Task<InitiateAuthResponse> InitiateAuthAsync(InitiateAuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.ClientId, nameof(request));
        return SendAsync("InitiateAuth", request, Json.InitiateAuthRequest, Json.InitiateAuthResponse, cancellationToken, unsigned: true);
    }

    /// <summary>Signs a user in on their behalf, with this client's AWS credentials.</summary>
    /// <exception cref="AwsServiceException">NotAuthorizedException, UserNotFoundException.</exception>
    public Task<InitiateAuthResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.UserPoolId, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.ClientId, nameof(request));
        return SendAsync("AdminInitiateAuth", request, Json.AdminInitiateAuthRequest, Json.InitiateAuthResponse, cancellationToken);
    }

    /// <summary>
    /// The SECRET_HASH an app client with a secret must send: Base64(HMAC-SHA256(key: client
    /// secret, message: user name + client id)).
    /// </summary>
    public static string SecretHash(string username, string clientId, string clientSecret)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(username + clientId)));
    }

    public void Dispose() => _sender.Dispose();

    private static CognitoIdentityProviderJsonContext Json => CognitoIdentityProviderJsonContext.Default;

    private async Task<TOut> SendAsync<TIn, TOut>(string operation, TIn input, JsonTypeInfo<TIn> inputType, JsonTypeInfo<TOut> outputType, CancellationToken cancellationToken, bool unsigned = false)
    {
        var response = await _sender.SendAsync(AwsJson.Request(TargetPrefix, operation, input, inputType, unsigned), cancellationToken).ConfigureAwait(false);
        return RestJson.Deserialize(response, outputType, _sender.Settings, operation);
    }

    private async Task SendAsync<TIn>(string operation, TIn input, JsonTypeInfo<TIn> inputType, CancellationToken cancellationToken) =>
        await _sender.SendAsync(AwsJson.Request(TargetPrefix, operation, input, inputType), cancellationToken).ConfigureAwait(false);
}
