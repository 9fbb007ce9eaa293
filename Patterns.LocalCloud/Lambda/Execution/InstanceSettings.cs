using Patterns.LocalCloud.Lambda.Logs;

namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>What every function instance of one local cloud shares.</summary>
/// <param name="EdgeUrl">Given to functions as AWS_ENDPOINT_URL so their SDK clients reach the edge.</param>
/// <param name="LogMarker">The prefix of the end-of-invocation marker lines our runtime client writes.</param>
/// <param name="Output">Told every line a function writes (function name, line), e.g. for a console.</param>
internal sealed record InstanceSettings(
    string EdgeUrl,
    string Region,
    IReadOnlyDictionary<string, string> BaseEnvironment,
    Func<string, string, IReadOnlyDictionary<string, string>>? InstanceEnvironment,
    string LogMarker,
    CloudWatchLogWriter Logs,
    Action<string, string>? Output,
    TextWriter? Log);
