namespace Functions.Runtime.Telemetry;

/// <summary>What an invocation's metrics need from its start: its trigger, whether it was cold, and when it began.</summary>
internal readonly record struct InvocationMeasurement(string Trigger, bool ColdStart, long StartTimestamp);
