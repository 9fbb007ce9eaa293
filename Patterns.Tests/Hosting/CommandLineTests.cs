using Patterns.Hosting.Local;

namespace Patterns.Tests.Hosting;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], 4566)]
    [InlineData(new[] { "--port", "5000" }, 5000)]
    [InlineData(new[] { "--port=0" }, 0)]
    public void Reads_the_edge_port(string[] args, int expected) =>
        Assert.Equal(expected, CommandLine.Parse(args).Port);

    [Theory]
    [InlineData(new[] { "--port" }, "--port needs a port number")]
    [InlineData(new[] { "--port", "70000" }, "--port needs a port number")]
    [InlineData(new[] { "--port", "-1" }, "--port needs a port number")]
    [InlineData(new[] { "--verbose" }, "Unknown argument '--verbose'")]
    public void Names_what_is_wrong_with_the_command_line(string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(args));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("--port N", error.Message, StringComparison.Ordinal);
    }
}
