namespace Functions.Pattern05;

/// <summary>What each image processor returns: {"task": …, "status": "complete"}.</summary>
public sealed record TaskResult(string Task, string Status);
