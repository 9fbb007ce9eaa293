namespace Patterns.AwsClients.ApiGateway;

/// <summary>One change of an Update* call (JSON Patch style), e.g. replace /deploymentId.</summary>
/// <param name="Op">add, remove, replace, move, copy or test.</param>
public sealed record PatchOperation(string Op, string Path, string? Value = null)
{
    public string? From { get; init; }
}
