using Microsoft.Extensions.Logging;

namespace Patterns.ServiceDefaults;

/// <summary>
/// A logger made on its first use: a function's log export starts beside its cold start, and
/// only an invocation that writes a line waits for it, at that line, not before it begins.
/// </summary>
internal sealed class DeferredLogger(Func<ILogger> create) : ILogger
{
    private readonly Lazy<ILogger> logger = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logger.Value.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logger.Value.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        logger.Value.Log(logLevel, eventId, state, exception, formatter);
}
