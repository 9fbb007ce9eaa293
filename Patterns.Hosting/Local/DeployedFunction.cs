namespace Patterns.Hosting.Local;

/// <summary>A function of the model as deployed: its deployed name and its log group.</summary>
public sealed record DeployedFunction(string Name, string FunctionName, string LogGroupName);
