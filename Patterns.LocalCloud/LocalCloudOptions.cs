namespace Patterns.LocalCloud;

/// <summary>How a local cloud is started. Every value has the default a developer run uses.</summary>
public sealed record LocalCloudOptions
{
    /// <summary>The edge's port on 127.0.0.1; 0 picks a free port (tests).</summary>
    public int EdgePort { get; init; } = 4566;

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "000000000000";

    /// <summary>How many instances (processes) of one function may run at once.</summary>
    public int MaxInstancesPerFunction { get; init; } = 10;

    /// <summary>
    /// Waits before the retries of a failed asynchronous invoke. AWS retries twice, after
    /// about one and two minutes; tests shorten them.
    /// </summary>
    public IReadOnlyList<TimeSpan> AsyncRetryDelays { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];

    /// <summary>
    /// How long an SQS event source mapping's poller waits in one ReceiveMessage for messages to
    /// arrive (WaitTimeSeconds, 1–20 s). AWS's pollers long-poll for 20 s. Disabling or deleting a
    /// mapping lets the poll in progress end before the mapping reports Disabled or is gone, so
    /// tests shorten it.
    /// </summary>
    public TimeSpan SqsPollWaitTime { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The wait before EventBridge's first retry of a failed delivery to a rule target; each
    /// further retry waits twice as long, with jitter, up to <see cref="EventBridgeRetryMaxDelay"/>.
    /// AWS backs off exponentially with jitter for up to 185 retries within 24 hours (a target's
    /// RetryPolicy can lower both); tests shorten the waits.
    /// </summary>
    public TimeSpan EventBridgeRetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two of EventBridge's retries of a delivery.</summary>
    public TimeSpan EventBridgeRetryMaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Waits before the retries of an SNS delivery to an HTTP/S endpoint that failed (5xx, 429,
    /// timeout, no connection). SNS's default delivery policy retries three times, 20 seconds
    /// apart; tests shorten them. After the last, the message goes to the subscription's DLQ.
    /// </summary>
    public IReadOnlyList<TimeSpan> SnsHttpRetryDelays { get; init; } = [TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)];

    /// <summary>
    /// A Python interpreter that can import moto, used as given (an error if it cannot); null = the
    /// remembered one, else find one or install moto into a private venv. Defaults to MOTO_PYTHON.
    /// </summary>
    public string? MotoPython { get; init; } = Environment.GetEnvironmentVariable("MOTO_PYTHON") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;

    /// <summary>Where the local cloud keeps what it installs and unpacks (the moto venv, function code).</summary>
    public string StateDirectory { get; init; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "serverless-patterns");

    /// <summary>Progress and diagnostics (moto install, process starts); null = silent.</summary>
    public TextWriter? Log { get; init; } = Console.Error;

    /// <summary>
    /// Extra environment for every function process (e.g. OTEL_* variables the orchestrator sets).
    /// A function's own environment wins over these.
    /// </summary>
    public IReadOnlyDictionary<string, string> FunctionBaseEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Extra environment for one function process, from its function's name and its instance's
    /// log stream (e.g. OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES with service.instance.id, as
    /// an orchestrator sets them); applied after <see cref="FunctionBaseEnvironment"/>, before the
    /// function's own environment. Null = none.
    /// </summary>
    public Func<string, string, IReadOnlyDictionary<string, string>>? FunctionInstanceEnvironment { get; init; }

    /// <summary>Told every line a function process writes (function name, line), e.g. to show it on a console.</summary>
    public Action<string, string>? FunctionOutput { get; init; }

    /// <summary>
    /// An OTLP/HTTP receiver (e.g. the dashboard) for the local cloud's own spans: API Gateway's
    /// request and Lambda's invoke, exported to {endpoint}/v1/traces. Null = no telemetry.
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }
}
