using System.Net.Sockets;
using Patterns.Hosting.Local;
using Patterns.Hosting.Model;
using Patterns.Hosting.Testing;

namespace Patterns.Tests.Hosting;

/// <summary>A test starts a model in-process on free ports, gets clients for it, and leaves nothing running.</summary>
public sealed class TestAppTests
{
    private const string Handler = "Functions::Functions.Pattern01.HelloServerless::HandleAsync";

    [Fact]
    public async Task Starts_a_model_on_a_free_port_with_its_tables_and_stops_everything_on_dispose()
    {
        var app = new AppModelBuilder();
        app.AddTable("Products", partitionKey: "productId");
        var model = app.Build();

        Uri edge, moto;
        await using (var testApp = await TestApp.StartAsync(model))
        {
            edge = testApp.EdgeUrl;
            moto = testApp.LocalCloud.MotoUrl;
            Assert.NotEqual(CommandLine.DefaultPort, edge.Port);
            using var dynamoDb = testApp.CreateDynamoDbClient();
            var tables = await dynamoDb.ListTablesAsync();
            Assert.Equal(["Products"], tables.TableNames);
            Assert.Equal("Products", Assert.Single(testApp.Resources.Tables).Name);

            var report = new StringWriter();
            StartupReport.Write(report, testApp.LocalApp);
            Assert.Contains(edge.ToString().TrimEnd('/'), report.ToString(), StringComparison.Ordinal);
            Assert.Contains("Table     Products", report.ToString(), StringComparison.Ordinal);
        }

        Assert.False(await AcceptsConnectionsAsync(edge), $"the edge still listens on {edge}");
        Assert.False(await AcceptsConnectionsAsync(moto), $"moto still listens on {moto}");
    }

    [Fact]
    public async Task A_model_with_functions_needs_a_Functions_build_with_a_bootstrap()
    {
        var app = new AppModelBuilder();
        app.AddFunction("Hello", Handler);
        var emptyDirectory = Directory.CreateTempSubdirectory("functions-build-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                TestApp.StartAsync(app.Build(), new TestAppOptions { FunctionsDirectory = emptyDirectory }));

            Assert.Contains($"no 'bootstrap' executable in {emptyDirectory}", error.Message, StringComparison.Ordinal);
            Assert.Contains("dotnet build Functions", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(emptyDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_model_with_functions_must_say_where_their_code_is()
    {
        var app = new AppModelBuilder();
        app.AddFunction("Hello", Handler);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(app.Build()));

        Assert.Contains("UseFunctionsProject", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_runner_explains_a_bad_command_line()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await LocalAppRunner.RunAsync(new AppModelBuilder().Build(), ["--port", "x"], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("--port needs a port number from 0 to 65535, not 'x'", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<bool> AcceptsConnectionsAsync(Uri url)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(url.Host, url.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
