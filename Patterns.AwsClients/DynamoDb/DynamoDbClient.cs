using System.Text.Json.Serialization.Metadata;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.DynamoDb;

/// <summary>
/// Amazon DynamoDB's control plane as provisioning needs it (JSON 1.0, X-Amz-Target
/// DynamoDB_20120810.*, signed for "dynamodb"): creating and describing tables. Errors surface as
/// <see cref="AwsServiceException"/>, e.g. ResourceInUseException (the table exists),
/// ResourceNotFoundException (no such table), ValidationException.
/// </summary>
public sealed class DynamoDbClient : IDisposable
{
    private const string TargetPrefix = "DynamoDB_20120810";

    private readonly AwsRequestSender _sender;

    public DynamoDbClient(AwsClientOptions options)
        : this(options, null)
    {
    }

    /// <param name="http">A caller-owned HttpClient (e.g. over a test handler); null = one of our own.</param>
    public DynamoDbClient(AwsClientOptions options, HttpClient? http)
        : this(options, http, TimeProvider.System)
    {
    }

    internal DynamoDbClient(AwsClientOptions options, HttpClient? http, TimeProvider time)
    {
        _sender = AwsRequestSender.For(AwsService.DynamoDb, options, http, time);
    }

    public Uri Endpoint => _sender.Settings.Endpoint;

    /// <exception cref="AwsServiceException">ResourceInUseException when a table of that name exists.</exception>
    public async Task<TableDescription> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.TableName, nameof(request));
        if (request.KeySchema is not { Count: > 0 })
            throw new ArgumentException($"Table {request.TableName} needs a key schema (a HASH key, and at most one RANGE key).", nameof(request));
        var response = await SendAsync("CreateTable", request, DynamoDbJsonContext.Default.CreateTableRequest, DynamoDbJsonContext.Default.CreateTableResponse, cancellationToken).ConfigureAwait(false);
        return response.TableDescription ?? throw MissingTable("CreateTable", request.TableName);
    }

    /// <exception cref="AwsServiceException">ResourceNotFoundException when there is no such table.</exception>
    public async Task<TableDescription> DescribeTableAsync(string tableName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        var response = await SendAsync("DescribeTable", new TableName(tableName), DynamoDbJsonContext.Default.TableName, DynamoDbJsonContext.Default.DescribeTableResponse, cancellationToken).ConfigureAwait(false);
        return response.Table ?? throw MissingTable("DescribeTable", tableName);
    }

    public void Dispose() => _sender.Dispose();

    private InvalidOperationException MissingTable(string operation, string tableName) =>
        new($"dynamodb {operation} answered without a description of table {tableName}. Is {_sender.Settings.Endpoint} a DynamoDB endpoint?");

    private async Task<TOut> SendAsync<TIn, TOut>(string operation, TIn input, JsonTypeInfo<TIn> inputType, JsonTypeInfo<TOut> outputType, CancellationToken cancellationToken)
    {
        var request = AwsJson.Request(TargetPrefix, operation, input, inputType) with { ContentType = AwsJson.ContentType10 };
        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return RestJson.Deserialize(response, outputType, _sender.Settings, operation);
    }
}
