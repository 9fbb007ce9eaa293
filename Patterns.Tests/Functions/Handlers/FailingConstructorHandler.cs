namespace Patterns.Tests.Functions.Handlers;

public sealed class FailingConstructorHandler
{
    public FailingConstructorHandler() => throw new InvalidOperationException("TABLE_NAME is not set");

    public int Handle() => 0;
}
