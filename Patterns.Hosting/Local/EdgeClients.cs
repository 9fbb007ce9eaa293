using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Patterns.AwsClients.ApiGateway;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.Lambda;

namespace Patterns.Hosting.Local;

/// <summary>The AWS clients provisioning uses, all pointed at one endpoint with test credentials.</summary>
internal sealed class EdgeClients : IDisposable
{
    public EdgeClients(Uri endpoint, string region)
    {
        var options = new AwsClientOptions { Endpoint = endpoint, Region = region, Credentials = AwsCredentials.Test };
        DynamoDb = CreateDynamoDbClient(endpoint, region);
        Lambda = new LambdaClient(options);
        ApiGateway = new ApiGatewayClient(options);
    }

    public IAmazonDynamoDB DynamoDb { get; }

    public LambdaClient Lambda { get; }

    public ApiGatewayClient ApiGateway { get; }

    public static AmazonDynamoDBClient CreateDynamoDbClient(Uri endpoint, string region) =>
        new(new BasicAWSCredentials(AwsCredentials.Test.AccessKeyId, AwsCredentials.Test.SecretAccessKey), new AmazonDynamoDBConfig
        {
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = region,
        });

    public void Dispose()
    {
        DynamoDb.Dispose();
        Lambda.Dispose();
        ApiGateway.Dispose();
    }
}
