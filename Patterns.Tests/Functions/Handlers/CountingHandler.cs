namespace Patterns.Tests.Functions.Handlers;

/// <summary>An instance handler whose state shows whether the runtime reuses one instance.</summary>
public sealed class CountingHandler
{
    private int calls;

    public int Handle() => ++calls;
}
