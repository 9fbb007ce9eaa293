using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Functions;

/// <summary>
/// The JSON contract of every type a handler takes or returns, or writes to a message, generated
/// at compile time: the Functions executable is compiled to native code, where contracts cannot
/// be made by reflection. A handler whose event or result type is missing here fails its init
/// with a Runtime.SerializationError that names the type.
/// </summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Runtime.ExceptionHandling.ErrorResponse))]
[JsonSerializable(typeof(ApiGateway.ApiGatewayProxyResponse))]
[JsonSerializable(typeof(Diagnostics.ThrowRequest))]
[JsonSerializable(typeof(Diagnostics.SleepRequest))]
[JsonSerializable(typeof(Diagnostics.SleepResponse))]
[JsonSerializable(typeof(Diagnostics.CrashRequest))]
[JsonSerializable(typeof(Diagnostics.CrashResponse))]
[JsonSerializable(typeof(Diagnostics.ProcessIdResponse))]
[JsonSerializable(typeof(Diagnostics.LogRequest))]
[JsonSerializable(typeof(Diagnostics.LogResponse))]
[JsonSerializable(typeof(Diagnostics.ContextResponse))]
[JsonSerializable(typeof(Diagnostics.SqsBatchResponse))]
[JsonSerializable(typeof(Diagnostics.ReceivedEvent))]
[JsonSerializable(typeof(Diagnostics.CompilationResponse))]
[JsonSerializable(typeof(Pattern01.MessageBody))]
[JsonSerializable(typeof(Pattern01.Product))]
[JsonSerializable(typeof(IReadOnlyList<Pattern01.Product>))]
[JsonSerializable(typeof(Pattern02.TokenAuthorizerRequest))]
[JsonSerializable(typeof(Pattern02.AuthorizerResponse))]
[JsonSerializable(typeof(Pattern03.NewOrder))]
[JsonSerializable(typeof(Pattern03.OrderResult))]
[JsonSerializable(typeof(Pattern04.Payment))]
[JsonSerializable(typeof(Pattern04.ProducerResult))]
[JsonSerializable(typeof(Pattern04.ProcessorResult))]
[JsonSerializable(typeof(Pattern05.ImageUploaded))]
[JsonSerializable(typeof(Pattern05.PublishResult))]
[JsonSerializable(typeof(Pattern05.TaskResult))]
[JsonSerializable(typeof(Pattern06.ProcessedDocument))]
[JsonSerializable(typeof(Pattern06.ProcessorSummary))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext;
