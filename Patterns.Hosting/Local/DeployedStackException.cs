namespace Patterns.Hosting.Local;

/// <summary>The deployed stack cannot be shown: it is missing, not usable in its status, or older than the model.</summary>
public sealed class DeployedStackException : Exception
{
    public DeployedStackException(string message)
        : base(message)
    {
    }

    public DeployedStackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
