using System.Text.Json.Serialization;

namespace Patterns.AwsClients.Lambda;

/// <summary>Source-generated JSON for the Lambda API, whose members are PascalCase on the wire.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateFunctionRequest))]
[JsonSerializable(typeof(UpdateFunctionConfigurationRequest))]
[JsonSerializable(typeof(UpdateFunctionCodeRequest))]
[JsonSerializable(typeof(AddPermissionRequest))]
[JsonSerializable(typeof(AddPermissionResponse))]
[JsonSerializable(typeof(GetPolicyResponse))]
[JsonSerializable(typeof(FunctionConfiguration))]
[JsonSerializable(typeof(GetFunctionResponse))]
[JsonSerializable(typeof(ListFunctionsResponse))]
[JsonSerializable(typeof(CreateEventSourceMappingRequest))]
[JsonSerializable(typeof(UpdateEventSourceMappingRequest))]
[JsonSerializable(typeof(EventSourceMappingConfiguration))]
[JsonSerializable(typeof(ListEventSourceMappingsResponse))]
[JsonSerializable(typeof(PutFunctionEventInvokeConfigRequest))]
[JsonSerializable(typeof(FunctionEventInvokeConfig))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
