namespace Patterns.AwsClients.Core;

/// <summary>
/// What a client needs to know about its service: the SigV4 signing name, the endpoint
/// prefix of its public endpoint, and its id as used in AWS_ENDPOINT_URL_&lt;ID&gt; (the
/// SDK service id upper-cased, spaces as underscores).
/// </summary>
/// <param name="ServiceId">The SDK's service id, which names spans ("SNS.Publish") and is their rpc.service.</param>
internal sealed record AwsService(string SigningName, string EndpointPrefix, string EnvironmentId, string ServiceId)
{
    public static AwsService Lambda { get; } = new("lambda", "lambda", "LAMBDA", "Lambda");

    public static AwsService ApiGateway { get; } = new("apigateway", "apigateway", "API_GATEWAY", "API Gateway");

    public static AwsService DynamoDb { get; } = new("dynamodb", "dynamodb", "DYNAMODB", "DynamoDB");

    public static AwsService CloudFormation { get; } = new("cloudformation", "cloudformation", "CLOUDFORMATION", "CloudFormation");

    public static AwsService Sns { get; } = new("sns", "sns", "SNS", "SNS");

    public static AwsService EventBridge { get; } = new("events", "events", "EVENTBRIDGE", "EventBridge");

    public static AwsService CognitoIdentityProvider { get; } = new("cognito-idp", "cognito-idp", "COGNITO_IDENTITY_PROVIDER", "Cognito Identity Provider");
}
