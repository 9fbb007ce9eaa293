namespace Patterns.Tests.Functions.Handlers;

public sealed class NoDefaultConstructorHandler(int value)
{
    public int Handle() => value;
}
