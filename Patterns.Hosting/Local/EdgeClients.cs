using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Patterns.AwsClients.ApiGateway;
using Patterns.AwsClients.CognitoIdentityProvider;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.DynamoDb;
using Patterns.AwsClients.EventBridge;
using Patterns.AwsClients.Lambda;
using Patterns.AwsClients.Sns;

namespace Patterns.Hosting.Local;

/// <summary>The AWS clients provisioning uses, all pointed at one endpoint with test credentials.</summary>
internal sealed class EdgeClients : IDisposable
{
    public EdgeClients(Uri endpoint, string region)
    {
        var options = new AwsClientOptions { Endpoint = endpoint, Region = region, Credentials = AwsCredentials.Test };
        _dynamoDb = new(() => CreateDynamoDbClient(endpoint, region));
        _sqs = new(() => new AmazonSQSClient(Credentials, new AmazonSQSConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = region }));
        _s3 = new(() => CreateS3Client(endpoint, region));
        Tables = new DynamoDbClient(options);
        Lambda = new LambdaClient(options);
        ApiGateway = new ApiGatewayClient(options);
        Sns = new SnsClient(options);
        Events = new EventBridgeClient(options);
        Cognito = new CognitoIdentityProviderClient(options);
    }

    // The AWS SDK's clients are made on first use: setting one up costs tens of milliseconds of
    // CPU at a start that is bound by CPU, and a model without queues or buckets needs none of it.
    private readonly Lazy<IAmazonDynamoDB> _dynamoDb;
    private readonly Lazy<IAmazonSQS> _sqs;
    private readonly Lazy<IAmazonS3> _s3;

    /// <summary>The AWS SDK's DynamoDB client, for what a caller does with items; provisioning uses <see cref="Tables"/>.</summary>
    public IAmazonDynamoDB DynamoDb => _dynamoDb.Value;

    /// <summary>DynamoDB's control plane, which provisioning needs, without the SDK's set-up.</summary>
    public DynamoDbClient Tables { get; }

    public IAmazonSQS Sqs => _sqs.Value;

    public IAmazonS3 S3 => _s3.Value;

    public LambdaClient Lambda { get; }

    public ApiGatewayClient ApiGateway { get; }

    public SnsClient Sns { get; }

    public EventBridgeClient Events { get; }

    public CognitoIdentityProviderClient Cognito { get; }

    private static BasicAWSCredentials Credentials => new(AwsCredentials.Test.AccessKeyId, AwsCredentials.Test.SecretAccessKey);

    public static AmazonDynamoDBClient CreateDynamoDbClient(Uri endpoint, string region) =>
        new(Credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = region,
        });

    /// <summary>Path-style: a local endpoint serves buckets by path, not as subdomains of 127.0.0.1.</summary>
    public static AmazonS3Client CreateS3Client(Uri endpoint, string region) =>
        new(Credentials, new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = region,
            ForcePathStyle = true,
        });

    public void Dispose()
    {
        if (_dynamoDb.IsValueCreated)
            _dynamoDb.Value.Dispose();
        if (_sqs.IsValueCreated)
            _sqs.Value.Dispose();
        if (_s3.IsValueCreated)
            _s3.Value.Dispose();
        Tables.Dispose();
        Lambda.Dispose();
        ApiGateway.Dispose();
        Sns.Dispose();
        Events.Dispose();
        Cognito.Dispose();
    }
}
