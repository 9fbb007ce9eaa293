namespace Patterns.Tests.Functions.Handlers;

public sealed class SelfReferencing
{
    public SelfReferencing? Next { get; set; }
}
