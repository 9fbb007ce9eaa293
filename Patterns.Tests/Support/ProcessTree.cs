namespace Patterns.Tests.Support;

/// <summary>Processes as Linux's /proc shows them: whether one lives, and the descendants of one.</summary>
internal static class ProcessTree
{
    public static bool IsAlive(int pid)
    {
        // A zombie has exited; only its parent has not reaped it yet.
        var status = $"/proc/{pid}/status";
        return File.Exists(status) && !File.ReadLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains("zombie", StringComparison.Ordinal));
    }

    public static IReadOnlyList<int> Descendants(int pid)
    {
        var children = new List<int>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            var file = Path.Combine(task, "children");
            if (File.Exists(file))
                children.AddRange(File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
        }
        return [.. children, .. children.SelectMany(Descendants)];
    }
}
