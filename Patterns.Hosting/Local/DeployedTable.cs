namespace Patterns.Hosting.Local;

/// <summary>A table of the model as deployed: the model's name and the name CloudFormation gave it.</summary>
public sealed record DeployedTable(string Name, string TableName);
