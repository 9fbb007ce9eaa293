using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.CloudFormation;

/// <summary>
/// CloudFormation (query protocol, 2010-05-15), what the app reads of a deployed stack:
/// DescribeStacks. Errors surface as <see cref="AwsServiceException"/>; a stack that does not
/// exist is a 400 ValidationError "Stack with id X does not exist" (see <see cref="IsStackMissing"/>).
/// </summary>
public sealed class CloudFormationClient : IDisposable
{
    private const string Version = "2010-05-15";

    private readonly AwsRequestSender _sender;

    public CloudFormationClient(AwsClientOptions options)
        : this(options, null)
    {
    }

    /// <param name="http">A caller-owned HttpClient (e.g. over a test handler); null = one of our own.</param>
    public CloudFormationClient(AwsClientOptions options, HttpClient? http)
        : this(options, http, TimeProvider.System)
    {
    }

    internal CloudFormationClient(AwsClientOptions options, HttpClient? http, TimeProvider time)
    {
        _sender = AwsRequestSender.For(AwsService.CloudFormation, options, http, time);
    }

    public Uri Endpoint => _sender.Settings.Endpoint;

    /// <summary>The region requests are signed for, i.e. the region whose stacks this client sees.</summary>
    public string Region => _sender.Settings.Region;

    /// <summary>
    /// One page of stacks: the named stack (a name or a stack id; a deleted stack only by its
    /// id), or, with no name, every stack of the region that is not deleted.
    /// </summary>
    public async Task<DescribeStacksResponse> DescribeStacksAsync(string? stackName = null, string? nextToken = null, CancellationToken cancellationToken = default)
    {
        if (stackName is { Length: 0 })
            throw new ArgumentException("The stack name must not be empty; pass null for every stack.", nameof(stackName));
        const string action = "DescribeStacks";
        var response = await _sender.SendAsync(AwsQuery.Request(action, Version, ("StackName", stackName), ("NextToken", nextToken)), cancellationToken).ConfigureAwait(false);
        return DescribeStacksReader.Read(AwsQuery.Result(response, _sender.Settings, action));
    }

    /// <summary>The one stack of that name or id.</summary>
    /// <exception cref="AwsServiceException">ValidationError when it does not exist (<see cref="IsStackMissing"/>).</exception>
    public async Task<Stack> DescribeStackAsync(string stackName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        var page = await DescribeStacksAsync(stackName, null, cancellationToken).ConfigureAwait(false);
        return page.Stacks is [var stack]
            ? stack
            : throw new InvalidOperationException($"cloudformation DescribeStacks for '{stackName}' answered {page.Stacks.Length} stacks; one was expected. Is {Endpoint} an AWS endpoint?");
    }

    /// <summary>Whether an error means "no such stack" (CloudFormation has no dedicated error code for it).</summary>
    public static bool IsStackMissing(AwsServiceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is { Service: "cloudformation", ErrorCode: "ValidationError" }
            && exception.ServiceMessage.Contains("does not exist", StringComparison.Ordinal);
    }

    public void Dispose() => _sender.Dispose();
}
