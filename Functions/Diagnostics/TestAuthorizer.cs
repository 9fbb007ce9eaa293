using System.Text.Json;
using System.Text.Json.Nodes;
using Functions.Runtime;

namespace Functions.Diagnostics;

/// <summary>
/// A Lambda authorizer for the platform's own tests, <c>Functions::Functions.Diagnostics.TestAuthorizer::Decide</c>:
/// the caller names the decision, in a TOKEN event's token or a REQUEST event's <c>decision</c>
/// query parameter, as <c>{decision}</c> or <c>{decision}.{anything}</c> (the suffix makes tokens
/// unique, so tests do not share cache entries). Decisions:
/// <list type="bullet">
/// <item><c>allow</c>: Allow on exactly the method ARN; <c>allow-stage</c>: Allow on every method of the stage (<c>{api}/{stage}/*</c>).</item>
/// <item><c>deny</c>: an explicit Deny on the method ARN; <c>other-method</c>: Allow on another method only.</item>
/// <item><c>unauthorized</c>: fails with "Unauthorized" (API Gateway's 401); <c>fail</c>: fails otherwise (500).</item>
/// <item><c>malformed</c>: answers without a policy document (500); <c>nested-context</c>: a context holding an object (500).</item>
/// </list>
/// An allowing answer's context carries the authorizer invocation's request id, so a test can tell
/// a cached policy (same id) from a fresh invocation, plus a number and a boolean.
/// </summary>
public static class TestAuthorizer
{
    public static JsonObject Decide(JsonElement @event, ILambdaContext context)
    {
        var type = Text(@event, "type") ?? "";
        var methodArn = Text(@event, "methodArn") ?? throw new InvalidOperationException("The event has no methodArn; it is not an API Gateway authorizer event.");
        var named = type == "TOKEN" ? Text(@event, "authorizationToken") : QueryParameter(@event, "decision");
        var decision = (named ?? "").Split('.')[0];
        context.Logger.LogLine($"TestAuthorizer {type} {methodArn} decision={decision}");

        return decision switch
        {
            "allow" => Answer(decision, "Allow", methodArn, context, @event),
            "allow-stage" => Answer(decision, "Allow", StageWildcard(methodArn), context, @event),
            "deny" => Answer(decision, "Deny", methodArn, context, @event),
            "other-method" => Answer(decision, "Allow", OtherMethod(methodArn), context, @event),
            "unauthorized" => throw new InvalidOperationException("Unauthorized"),
            "malformed" => new JsonObject { ["principalId"] = "user-malformed" },
            "nested-context" => new JsonObject
            {
                ["principalId"] = "user-nested",
                ["policyDocument"] = Policy("Allow", methodArn),
                ["context"] = new JsonObject { ["nested"] = new JsonObject { ["not"] = "allowed" } },
            },
            "fail" => throw new InvalidOperationException("TestAuthorizer was asked to fail."),
            _ => throw new InvalidOperationException($"TestAuthorizer does not know the decision '{decision}'."),
        };
    }

    private static JsonObject Answer(string decision, string effect, string resource, ILambdaContext context, JsonElement @event)
    {
        var passed = new JsonObject
        {
            ["decision"] = decision,
            ["authorizerRequestId"] = context.AwsRequestId,
            ["number"] = 42,
            ["flag"] = true,
        };
        if (Header(@event, "X-Tenant") is { } tenant)
            passed["tenant"] = tenant;
        return new JsonObject
        {
            ["principalId"] = "user-" + decision,
            ["policyDocument"] = Policy(effect, resource),
            ["context"] = passed,
        };
    }

    private static JsonObject Policy(string effect, string resource) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Action"] = "execute-api:Invoke",
            ["Effect"] = effect,
            ["Resource"] = resource,
        }),
    };

    // arn:…:{api}/{stage}/{METHOD}/{path} → arn:…:{api}/{stage}/*
    private static string StageWildcard(string methodArn)
    {
        var parts = methodArn.Split('/');
        return $"{parts[0]}/{parts[1]}/*";
    }

    // The same path with a method the test never calls.
    private static string OtherMethod(string methodArn)
    {
        var parts = methodArn.Split('/');
        parts[2] = "PATCH";
        return string.Join('/', parts);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? QueryParameter(JsonElement @event, string name) =>
        @event.TryGetProperty("queryStringParameters", out var query) && query.ValueKind == JsonValueKind.Object ? Text(query, name) : null;

    private static string? Header(JsonElement @event, string name)
    {
        if (!@event.TryGetProperty("headers", out var headers) || headers.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var header in headers.EnumerateObject())
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase) && header.Value.ValueKind == JsonValueKind.String)
                return header.Value.GetString();
        }
        return null;
    }
}
