using Patterns.Hosting.Local;

namespace Patterns.Tests.Hosting;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], 4566)]
    [InlineData(new[] { "--port", "5000" }, 5000)]
    [InlineData(new[] { "--port=0" }, 0)]
    [InlineData(new[] { "--backend", "local", "--port", "0" }, 0)]
    public void Reads_the_edge_port(string[] args, int expected) =>
        Assert.Equal(expected, CommandLine.Parse(args).Port);

    [Fact]
    public void The_local_backend_is_the_default_and_runs_until_stopped()
    {
        var commandLine = CommandLine.Parse([]);

        Assert.Equal((Backend.Local, false, false), (commandLine.Backend, commandLine.Once, commandLine.Help));
    }

    [Theory]
    [InlineData(new[] { "--backend", "aws" }, "ServerlessPatterns", false)]
    [InlineData(new[] { "--backend=aws", "--stack-name=Staging", "--once" }, "Staging", true)]
    [InlineData(new[] { "--stack-name", "Staging", "--backend", "aws" }, "Staging", false)]
    public void Reads_the_aws_backend_and_its_stack(string[] args, string stackName, bool once)
    {
        var commandLine = CommandLine.Parse(args);

        Assert.Equal((Backend.Aws, stackName, once), (commandLine.Backend, commandLine.StackName, commandLine.Once));
    }

    [Theory]
    [InlineData(new[] { "--port" }, "--port needs a port number")]
    [InlineData(new[] { "--port", "70000" }, "--port needs a port number")]
    [InlineData(new[] { "--port", "-1" }, "--port needs a port number")]
    [InlineData(new[] { "--verbose" }, "Unknown argument '--verbose'")]
    [InlineData(new[] { "--backend", "azure" }, "--backend needs local or aws, not 'azure'")]
    [InlineData(new[] { "--backend" }, "--backend needs local or aws, not ''")]
    [InlineData(new[] { "--backend", "aws", "--stack-name" }, "--stack-name needs the name of a deployed stack")]
    [InlineData(new[] { "--backend", "aws", "--stack-name", "--once" }, "--stack-name needs the name of a deployed stack, not '--once'")]
    [InlineData(new[] { "--stack-name", "Staging" }, "--stack-name applies to --backend aws")]
    [InlineData(new[] { "--backend", "aws", "--port", "5000" }, "--port applies to --backend local")]
    public void Names_what_is_wrong_with_the_command_line(string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(args));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("--port N", error.Message, StringComparison.Ordinal);
        Assert.Contains("--backend B", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], 18888)]
    [InlineData(new[] { "--dashboard-port", "0" }, 0)]
    [InlineData(new[] { "--dashboard-port=19000" }, 19000)]
    [InlineData(new[] { "--no-dashboard" }, null)]
    public void The_dashboard_port_is_read(string[] args, int? expected) =>
        Assert.Equal(expected, CommandLine.Parse(args).DashboardPort);

    [Theory]
    [InlineData(new[] { "--dashboard-port", "x" }, "--dashboard-port needs a port number")]
    [InlineData(new[] { "--backend", "aws", "--no-dashboard" }, "apply to --backend local")]
    public void A_bad_dashboard_argument_is_a_usage_error(string[] args, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => CommandLine.Parse(args)).Message);
}
