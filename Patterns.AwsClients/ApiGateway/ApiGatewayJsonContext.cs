using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>Source-generated JSON for the API Gateway control plane, whose members are camelCase on the wire.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateRestApiRequest))]
[JsonSerializable(typeof(RestApi))]
[JsonSerializable(typeof(RestApis))]
[JsonSerializable(typeof(CreateResourceRequest))]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(Resources))]
[JsonSerializable(typeof(PutMethodRequest))]
[JsonSerializable(typeof(Method))]
[JsonSerializable(typeof(PutIntegrationRequest))]
[JsonSerializable(typeof(Integration))]
[JsonSerializable(typeof(CreateDeploymentRequest))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(Stages))]
[JsonSerializable(typeof(Stage))]
[JsonSerializable(typeof(CreateStageRequest))]
[JsonSerializable(typeof(UpdateStageRequest))]
[JsonSerializable(typeof(CreateAuthorizerRequest))]
[JsonSerializable(typeof(Authorizer))]
[JsonSerializable(typeof(Authorizers))]
[JsonSerializable(typeof(UpdateAuthorizerRequest))]
internal sealed partial class ApiGatewayJsonContext : JsonSerializerContext;
