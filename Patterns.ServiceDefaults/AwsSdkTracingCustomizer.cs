using System.Diagnostics;
using Amazon.Runtime.Internal;

namespace Patterns.ServiceDefaults;

/// <summary>
/// Puts <see cref="AwsSdkTracingHandler"/> into the pipeline of every AWS SDK client created
/// while it is registered, right after the marshaller: the request exists (so its headers can
/// carry traceparent) and retries happen inside, so one call is one span.
/// </summary>
internal sealed class AwsSdkTracingCustomizer : IRuntimePipelineCustomizer, IDisposable
{
    public const string SourceName = "Patterns.AwsSdk";

    private readonly ActivitySource source = new(SourceName);

    public string UniqueName => SourceName;

    public void Customize(Type type, RuntimePipeline pipeline) =>
        pipeline.AddHandlerAfter<Marshaller>(new AwsSdkTracingHandler(source));

    public void Dispose() => source.Dispose();
}
