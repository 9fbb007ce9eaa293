using System.Diagnostics;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// Runs the authorizer a method names (CUSTOM → its Lambda authorizer, COGNITO_USER_POOLS → its
/// user pool authorizer) before the integration, inside an "Authorizer" span that is the child of
/// the request's span and the parent of the authorizer function's invoke.
/// </summary>
internal sealed class MethodAuthorizer
{
    private readonly LocalCloudOptions _options;
    private readonly ExecutionLog _log;
    private readonly ActivitySource? _tracing;
    private readonly LambdaAuthorizer _lambda;
    private readonly CognitoUserPoolAuthorizer _cognito;

    public MethodAuthorizer(MotoClient moto, ILambdaInvoker lambda, LocalCloudOptions options, ExecutionLog log, ActivitySource? tracing, TimeProvider time)
    {
        _options = options;
        _log = log;
        _tracing = tracing;
        _lambda = new LambdaAuthorizer(lambda, log, time);
        _cognito = new CognitoUserPoolAuthorizer(moto, log, time);
    }

    /// <summary>Drops an API's cached authorizer results, as a redeployment does in AWS.</summary>
    public void Invalidate(string apiId)
    {
        _lambda.Invalidate(apiId);
        _cognito.Invalidate(apiId);
    }

    public void InvalidateAll()
    {
        _lambda.InvalidateAll();
        _cognito.InvalidateAll();
    }

    public async Task<AuthorizationOutcome> AuthorizeAsync(ApiRequest request, RouteMatch match, DeployedApi api, RequestIdentity ids, CancellationToken cancellationToken)
    {
        var authorization = match.Method.Authorization;
        var methodArn = MethodArn.For(_options.Region, _options.AccountId, api.ApiId, api.Stage, request.HttpMethod, request.Target.ResourcePath);
        var subject = new AuthorizationRequest(request, match, api, ids, _options.AccountId, methodArn);

        using var span = _tracing?.StartActivity("Authorizer", ActivityKind.Internal);
        span?.SetTag("aws.api_gateway.authorizer.id", authorization.AuthorizerId);
        span?.SetTag("aws.api_gateway.method_arn", methodArn);

        var outcome = await DecideAsync(authorization, subject, span, cancellationToken).ConfigureAwait(false);
        if (span is not null)
        {
            span.SetTag("aws.api_gateway.authorizer.cache_hit", outcome.CacheHit);
            span.SetTag("aws.api_gateway.authorizer.decision", outcome.Decision.ToString());
            if (outcome.Decision == AuthorizationDecision.ConfigurationError)
                span.SetStatus(ActivityStatusCode.Error, "AuthorizerConfigurationException");
        }
        return outcome;
    }

    private async Task<AuthorizationOutcome> DecideAsync(MethodAuthorization authorization, AuthorizationRequest subject, Activity? span, CancellationToken cancellationToken)
    {
        var (request, match, api) = (subject.Request, subject.Match, subject.Api);
        var where = $"method {match.Method.HttpMethod} of {match.Resource.Path}";
        if (authorization.AuthorizerId is not { Length: > 0 } authorizerId)
            return Misconfigured(request, $"{where} has authorizationType {authorization.Type} but names no authorizer; set authorizerId with PutMethod or UpdateMethod.");
        if (!api.Authorizers.TryGetValue(authorizerId, out var authorizer))
            return Misconfigured(request, $"{where} names authorizer {authorizerId}, which REST API {api.ApiId} does not have; list them with: aws apigateway get-authorizers --rest-api-id {api.ApiId}");

        span?.SetTag("aws.api_gateway.authorizer.name", authorizer.Name);
        span?.SetTag("aws.api_gateway.authorizer.type", authorizer.Type);

        var isCustom = string.Equals(authorization.Type, MethodAuthorization.CustomType, StringComparison.OrdinalIgnoreCase);
        return authorizer.Type switch
        {
            ApiAuthorizer.Token or ApiAuthorizer.Request when isCustom =>
                await _lambda.AuthorizeAsync(authorizer, subject, span, cancellationToken).ConfigureAwait(false),
            ApiAuthorizer.CognitoUserPools when !isCustom =>
                await _cognito.AuthorizeAsync(authorizer, subject, authorization.Scopes, cancellationToken).ConfigureAwait(false),
            _ => Misconfigured(request, $"{where} has authorizationType {authorization.Type} but its authorizer '{authorizer.Name}' ({authorizerId}) is of type {authorizer.Type}; CUSTOM takes TOKEN or REQUEST authorizers, COGNITO_USER_POOLS takes COGNITO_USER_POOLS ones."),
        };
    }

    private AuthorizationOutcome Misconfigured(ApiRequest request, string problem)
    {
        _log.Write(request, problem + " API Gateway answers 500 AuthorizerConfigurationException.");
        return AuthorizationOutcome.ConfigurationError();
    }
}
