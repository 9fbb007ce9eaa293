using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Patterns.AwsClients.ApiGateway;
using Patterns.AwsClients.CognitoIdentityProvider;
using Patterns.AwsClients.Core;
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
        DynamoDb = CreateDynamoDbClient(endpoint, region);
        Sqs = new AmazonSQSClient(Credentials, new AmazonSQSConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = region });
        S3 = CreateS3Client(endpoint, region);
        Lambda = new LambdaClient(options);
        ApiGateway = new ApiGatewayClient(options);
        Sns = new SnsClient(options);
        Events = new EventBridgeClient(options);
        Cognito = new CognitoIdentityProviderClient(options);
    }

    public IAmazonDynamoDB DynamoDb { get; }

    public IAmazonSQS Sqs { get; }

    public IAmazonS3 S3 { get; }

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
        DynamoDb.Dispose();
        Sqs.Dispose();
        S3.Dispose();
        Lambda.Dispose();
        ApiGateway.Dispose();
        Sns.Dispose();
        Events.Dispose();
        Cognito.Dispose();
    }
}
