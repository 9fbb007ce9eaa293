using Functions.Runtime.ExceptionHandling;
using Functions.Runtime.Handlers;

namespace Patterns.Tests.Functions;

public sealed class HandlerNameTests
{
    [Fact]
    public void Parses_the_assembly_type_and_method()
    {
        var name = HandlerName.Parse("Functions::Functions.Pattern01.HelloServerless::HandleAsync");

        Assert.Equal(new HandlerName("Functions", "Functions.Pattern01.HelloServerless", "HandleAsync"), name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Functions.Pattern01.HelloServerless.HandleAsync")]
    [InlineData("Functions::Functions.Pattern01.HelloServerless")]
    [InlineData("Functions::Functions.Pattern01.HelloServerless::HandleAsync::Extra")]
    [InlineData("::Functions.Pattern01.HelloServerless::HandleAsync")]
    [InlineData("Functions::Functions.Pattern01.HelloServerless:: HandleAsync")]
    public void Refuses_anything_but_three_parts(string handler)
    {
        var exception = Assert.Throws<LambdaRuntimeException>(() => HandlerName.Parse(handler));

        Assert.Equal(RuntimeErrors.MalformedHandlerName, exception.ErrorType);
        Assert.Contains("Assembly::Namespace.Type::Method", exception.Message);
    }
}
