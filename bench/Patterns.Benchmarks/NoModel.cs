using Patterns.Hosting.Dashboard;

namespace Patterns.Benchmarks;

/// <summary>A dashboard with nothing to show but what is exported to it.</summary>
internal sealed class NoModel : IDashboardModelSource
{
    public DashboardModel GetModel() => DashboardModel.Empty;

    public IDisposable SubscribeConsole(Action<string, string> onLine) => new NoSubscription();
}
