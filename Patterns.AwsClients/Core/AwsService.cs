namespace Patterns.AwsClients.Core;

/// <summary>
/// What a client needs to know about its service: the SigV4 signing name, the endpoint
/// prefix of its public endpoint, and its id as used in AWS_ENDPOINT_URL_&lt;ID&gt; (the
/// SDK service id upper-cased, spaces as underscores).
/// </summary>
internal sealed record AwsService(string SigningName, string EndpointPrefix, string EnvironmentId)
{
    public static AwsService Lambda { get; } = new("lambda", "lambda", "LAMBDA");

    public static AwsService ApiGateway { get; } = new("apigateway", "apigateway", "API_GATEWAY");

    public static AwsService CloudFormation { get; } = new("cloudformation", "cloudformation", "CLOUDFORMATION");

    public static AwsService Sns { get; } = new("sns", "sns", "SNS");

    public static AwsService EventBridge { get; } = new("events", "events", "EVENTBRIDGE");

    public static AwsService CognitoIdentityProvider { get; } = new("cognito-idp", "cognito-idp", "COGNITO_IDENTITY_PROVIDER");
}
