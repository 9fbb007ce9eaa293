namespace Patterns.Tests.Functions.Handlers;

public sealed record Order(string OrderId, int Quantity);
