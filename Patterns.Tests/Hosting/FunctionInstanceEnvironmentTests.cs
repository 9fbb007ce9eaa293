using System.Text.Json;
using Patterns.AppHost;
using Patterns.AwsClients.Lambda;
using Patterns.Hosting.Model;
using Patterns.Hosting.Testing;

namespace Patterns.Tests.Hosting;

/// <summary>
/// With the dashboard on, the orchestrator names each function process's telemetry as Aspire
/// names a project's: OTEL_SERVICE_NAME is the function, OTEL_RESOURCE_ATTRIBUTES carries the
/// instance (its log stream) as service.instance.id, next to the OTLP endpoint.
/// </summary>
public sealed class FunctionInstanceEnvironmentTests
{
    [Fact]
    public async Task A_function_process_gets_its_service_name_and_instance_id()
    {
        var app = new AppModelBuilder().UseFunctionsProject(PatternsApp.FunctionsProject);
        app.AddFunction("WhoAmI", "Functions::Functions.Diagnostics.Faults::ProcessId");
        await using var running = await TestApp.StartAsync(app.Build(), new TestAppOptions { WithDashboard = true });

        var response = await running.Lambda.InvokeAsync(new InvokeRequest("WhoAmI") { Payload = "{}"u8.ToArray() });
        var pid = JsonDocument.Parse(response.Payload).RootElement.GetProperty("pid").GetInt32();
        var environment = (await File.ReadAllTextAsync($"/proc/{pid}/environ")).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1], StringComparer.Ordinal);

        Assert.Equal("WhoAmI", environment["OTEL_SERVICE_NAME"]);
        var logStream = environment["AWS_LAMBDA_LOG_STREAM_NAME"];
        Assert.Equal($"service.instance.id={Uri.EscapeDataString(logStream)}", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal(running.DashboardUrl!.ToString().TrimEnd('/'), environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }
}
