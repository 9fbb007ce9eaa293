using System.Text.Json.Serialization;

namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>Source-generated JSON for Cognito user pools (JSON 1.1), whose members are PascalCase on the wire.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateUserPoolRequest))]
[JsonSerializable(typeof(CreateUserPoolResponse))]
[JsonSerializable(typeof(UserPoolInput))]
[JsonSerializable(typeof(DescribeUserPoolResponse))]
[JsonSerializable(typeof(ListUserPoolsInput))]
[JsonSerializable(typeof(ListUserPoolsResponse))]
[JsonSerializable(typeof(CreateUserPoolClientRequest))]
[JsonSerializable(typeof(CreateUserPoolClientResponse))]
[JsonSerializable(typeof(UserPoolClientInput))]
[JsonSerializable(typeof(DescribeUserPoolClientResponse))]
[JsonSerializable(typeof(ListUserPoolClientsInput))]
[JsonSerializable(typeof(ListUserPoolClientsResponse))]
[JsonSerializable(typeof(AdminCreateUserRequest))]
[JsonSerializable(typeof(AdminCreateUserResponse))]
[JsonSerializable(typeof(AdminSetUserPasswordRequest))]
[JsonSerializable(typeof(InitiateAuthRequest))]
[JsonSerializable(typeof(AdminInitiateAuthRequest))]
[JsonSerializable(typeof(InitiateAuthResponse))]
internal sealed partial class CognitoIdentityProviderJsonContext : JsonSerializerContext;
