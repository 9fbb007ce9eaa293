using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Lambda.Execution;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// TOKEN and REQUEST authorizers: reads the identity sources (absent → 401 without invoking),
/// checks a TOKEN against the identityValidationExpression (no match → 401 without invoking),
/// takes the result from the cache or invokes the function, and judges its policy against the
/// request's method ARN. The function's "Unauthorized" error is a 401; any other error, a timeout
/// or an answer that is not an authorizer response is a 500 AuthorizerConfigurationException.
/// </summary>
internal sealed class LambdaAuthorizer(ILambdaInvoker lambda, ExecutionLog log, TimeProvider time)
{
    /// <summary>The errorMessage that makes API Gateway answer 401 instead of 500.</summary>
    private const string UnauthorizedMessage = "Unauthorized";

    private static readonly TimeSpan ValidationTimeout = TimeSpan.FromSeconds(1);
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly AuthorizerResultCache<AuthorizerOutput> _cache = new(time);

    public void Invalidate(string apiId) => _cache.Invalidate(apiId);

    public void InvalidateAll() => _cache.InvalidateAll();

    public async Task<AuthorizationOutcome> AuthorizeAsync(ApiAuthorizer authorizer, AuthorizationRequest request, Activity? span, CancellationToken cancellationToken)
    {
        if (!IdentitySource.TryParseList(authorizer.IdentitySource, out var sources, out var sourceProblem))
            return Misconfigured(request, authorizer, sourceProblem);

        string identity;
        if (authorizer.Type == ApiAuthorizer.Token)
        {
            if (sources is not [{ Kind: IdentitySourceKind.Header } header])
                return Misconfigured(request, authorizer, $"a TOKEN authorizer's identitySource must be one method.request.header.<name>; it is '{authorizer.IdentitySource}'");
            if (IdentitySourceReader.Read(header, request) is not { } token)
                return NoIdentity(request, authorizer, header);
            if (!string.IsNullOrEmpty(authorizer.IdentityValidationExpression))
            {
                if (!TryMatchWhole(authorizer.IdentityValidationExpression, token, out var matched, out var regexProblem))
                    return Misconfigured(request, authorizer, regexProblem);
                if (!matched)
                {
                    log.Write(request.Request, $"authorizer {Describe(authorizer)}: the token does not match the identityValidationExpression '{authorizer.IdentityValidationExpression}'; 401 without invoking the function.");
                    return AuthorizationOutcome.Unauthorized();
                }
            }
            identity = token;
        }
        else
        {
            if (IdentitySourceReader.ReadAll(sources, request, out var missing) is not { } values)
                return NoIdentity(request, authorizer, missing!.Value);
            // Unit separators keep ("a,b", "c") and ("a", "b,c") apart.
            identity = string.Join('\u001f', values);
        }

        // A REQUEST authorizer without identity sources cannot be cached: there is nothing to key on.
        var cacheable = authorizer.ResultTtlInSeconds > 0 && sources.Count > 0;
        var key = new AuthorizerCacheKey(request.Api.ApiId, request.Api.Stage, authorizer.Id, identity);
        if (cacheable && _cache.Get(key) is { } cached)
            return Judge(cached, request, latencyMilliseconds: 0, cacheHit: true);

        var generation = _cache.Generation;
        var started = time.GetTimestamp();
        var (output, failure) = await InvokeAsync(authorizer, request, identity, span, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
            return failure;
        if (cacheable)
            _cache.Store(key, output!, authorizer.ResultTtl, generation);
        return Judge(output!, request, (long)time.GetElapsedTime(started).TotalMilliseconds, cacheHit: false);
    }

    private async Task<(AuthorizerOutput? Output, AuthorizationOutcome? Failure)> InvokeAsync(
        ApiAuthorizer authorizer, AuthorizationRequest request, string token, Activity? span, CancellationToken cancellationToken)
    {
        var functionArn = LambdaIntegrationUri.FunctionArn(authorizer.AuthorizerUri, request.Api.StageVariables);
        if (functionArn is null)
            return (null, Misconfigured(request, authorizer, $"its authorizerUri '{authorizer.AuthorizerUri}' is not a Lambda invocation URI (arn:aws:apigateway:{{region}}:lambda:path/2015-03-31/functions/{{functionArn}}/invocations); fix it with UpdateAuthorizer"));

        var payload = authorizer.Type == ApiAuthorizer.Token
            ? TokenEvent(token, request.MethodArn)
            : ProxyEventBuilder.BuildRequestAuthorizerEvent(request.Request, request.Match, request.Api, request.Ids, request.AccountId, request.MethodArn);
        var invocation = lambda.InvokeAsync(
            new InvocationRequest(functionArn, payload) { TraceHeader = span is null ? request.Ids.TraceHeader : TraceContext.ToXRay(span) },
            cancellationToken);
        InvocationResult result;
        try
        {
            result = await invocation.WaitAsync(ApiIntegration.DefaultTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return (null, Misconfigured(request, authorizer, $"function {functionArn} did not answer within {ApiIntegration.DefaultTimeout.TotalSeconds:0} s"));
        }
        catch (AwsServiceException exception)
        {
            return (null, Misconfigured(request, authorizer, $"Lambda rejected the invocation of {functionArn}: {exception.ErrorCode}: {exception.Message}"));
        }

        if (result.FunctionError is not null)
        {
            if (ErrorMessage(result.Payload) == UnauthorizedMessage)
            {
                log.Write(request.Request, $"authorizer {Describe(authorizer)}: function {functionArn} answered \"Unauthorized\"; 401.");
                return (null, AuthorizationOutcome.Unauthorized());
            }
            return (null, Misconfigured(request, authorizer, $"function {functionArn} failed ({result.FunctionError}): {Preview(result.Payload)}. Only an error whose message is exactly \"Unauthorized\" makes a 401"));
        }
        if (!AuthorizerOutput.TryParse(result.Payload, out var output, out var problem))
            return (null, Misconfigured(request, authorizer, $"function {functionArn} answered something that is not an authorizer response: {problem}. The response was: {Preview(result.Payload)}"));
        return (output, null);
    }

    private AuthorizationOutcome Judge(AuthorizerOutput output, AuthorizationRequest request, long latencyMilliseconds, bool cacheHit)
    {
        var decision = output.Evaluate(request.MethodArn);
        if (decision != PolicyDecision.Allow)
        {
            log.Write(request.Request, decision == PolicyDecision.ExplicitDeny
                ? $"the authorizer's policy for principal '{output.PrincipalId}' denies {request.MethodArn} explicitly{(cacheHit ? " (cached policy)" : "")}; 403."
                : $"the authorizer's policy for principal '{output.PrincipalId}' allows nothing that matches {request.MethodArn}{(cacheHit ? " (cached policy)" : "")}; 403.");
            return AuthorizationOutcome.Denied(decision, cacheHit);
        }

        // requestContext.authorizer: the context's keys, then principalId and integrationLatency.
        var passed = new JsonObject();
        foreach (var (name, value) in output.Context)
            passed[name] = value;
        passed["principalId"] = output.PrincipalId;
        passed["integrationLatency"] = latencyMilliseconds;
        return AuthorizationOutcome.Allowed(passed, cacheHit);
    }

    private AuthorizationOutcome NoIdentity(AuthorizationRequest request, ApiAuthorizer authorizer, IdentitySource source)
    {
        log.Write(request.Request, $"authorizer {Describe(authorizer)}: the identity source {source} is missing or empty; 401 without invoking the function.");
        return AuthorizationOutcome.Unauthorized();
    }

    private AuthorizationOutcome Misconfigured(AuthorizationRequest request, ApiAuthorizer authorizer, string problem)
    {
        log.Write(request.Request, $"authorizer {Describe(authorizer)} could not decide: {problem}. API Gateway answers 500 AuthorizerConfigurationException.");
        return AuthorizationOutcome.ConfigurationError();
    }

    private static bool TryMatchWhole(string expression, string token, out bool matched, out string problem)
    {
        matched = false;
        problem = "";
        try
        {
            matched = Regex.IsMatch(token, $@"\A(?:{expression})\z", RegexOptions.CultureInvariant, ValidationTimeout);
            return true;
        }
        catch (ArgumentException exception)
        {
            problem = $"its identityValidationExpression '{expression}' is not a valid regular expression: {exception.Message}";
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            problem = $"its identityValidationExpression '{expression}' took longer than {ValidationTimeout.TotalSeconds:0} s to match";
            return false;
        }
    }

    private static byte[] TokenEvent(string token, string methodArn)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("type", "TOKEN");
            json.WriteString("authorizationToken", token);
            json.WriteString("methodArn", methodArn);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string? ErrorMessage(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errorMessage", out var message)
                && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(ApiAuthorizer authorizer) => $"'{authorizer.Name}' ({authorizer.Id}, {authorizer.Type})";

    private static string Preview(ReadOnlyMemory<byte> payload)
    {
        var text = Encoding.UTF8.GetString(payload.Span);
        return text.Length <= 1000 ? text : text[..1000] + "…";
    }
}
