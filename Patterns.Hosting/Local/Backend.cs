namespace Patterns.Hosting.Local;

/// <summary>Where the app the runner shows lives.</summary>
internal enum Backend
{
    /// <summary>Here: a local cloud is started and the model provisioned on it.</summary>
    Local,

    /// <summary>In AWS: a stack deployed from the model, read from its CloudFormation outputs.</summary>
    Aws,
}
