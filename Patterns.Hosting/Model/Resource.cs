namespace Patterns.Hosting.Model;

/// <summary>
/// Something the app declares and a deployment creates: a table, a function, an API. Its name
/// is unique in the model and is the name it gets locally (and the construct id in CDK).
/// </summary>
public abstract record Resource(string Name);
