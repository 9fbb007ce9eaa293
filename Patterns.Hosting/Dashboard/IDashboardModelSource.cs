namespace Patterns.Hosting.Dashboard;

/// <summary>
/// What the orchestrator tells the dashboard about the running app. The dashboard knows
/// nothing else of the app model: this interface and the records beside it are the seam.
/// </summary>
public interface IDashboardModelSource
{
    /// <summary>
    /// The resources with their current state and instance counts. Called whenever the
    /// Resources, Console logs or Invocations page is drawn (about once a second while one is open), from any
    /// thread: keep it cheap.
    /// </summary>
    DashboardModel GetModel();

    /// <summary>
    /// The dashboard subscribes once, when it starts: call <paramref name="onLine"/> with
    /// (function name, line) for each line a function process writes, from any thread.
    /// Disposing the result ends the subscription; the dashboard does so when it stops.
    /// </summary>
    IDisposable SubscribeConsole(Action<string, string> onLine);
}
