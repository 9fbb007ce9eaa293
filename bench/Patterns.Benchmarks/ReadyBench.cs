namespace Patterns.Benchmarks;

/// <summary>Start-up: the AppHost until Pattern 1 is provisioned and answering, against moto_server alone until it answers.</summary>
internal static class ReadyBench
{
    public static Task RunAsync()
    {
        Report.Section("AppHost ready vs moto_server alone");
        Console.WriteLine("  (measured once the AppHost lands)");
        return Task.CompletedTask;
    }
}
