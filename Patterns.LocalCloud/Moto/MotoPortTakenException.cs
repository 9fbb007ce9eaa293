namespace Patterns.LocalCloud.Moto;

/// <summary>moto_server exited while starting because its port had been taken since it was found free.</summary>
internal sealed class MotoPortTakenException : InvalidOperationException
{
    public MotoPortTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
