using Patterns.LocalCloud;

namespace Patterns.Tests.LocalCloud.Triggers.SqsEventSources;

/// <summary>A local cloud whose pollers long-poll for AWS's 20 s, as a developer's run does.</summary>
public sealed class SqsLongPollFixture : SqsTriggerFixture
{
    protected override LocalCloudOptions Options(LocalCloudOptions defaults) => defaults with { SqsPollWaitTime = TimeSpan.FromSeconds(20) };
}
