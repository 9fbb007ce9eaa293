using Patterns.ServiceDefaults;

namespace Patterns.Tests.Telemetry;

[Collection(InProcessTelemetryCollection.Name)]
public sealed class FunctionTelemetryTests
{
    [Fact]
    public void Without_an_OTLP_endpoint_telemetry_is_off()
    {
        using var telemetry = FunctionTelemetry.Start(_ => null);

        Assert.Null(telemetry);
    }

    [Fact]
    public void An_endpoint_that_is_not_an_http_url_turns_telemetry_off_saying_so()
    {
        var warnings = new StringWriter();

        using var telemetry = FunctionTelemetry.Start(name => name == "OTEL_EXPORTER_OTLP_ENDPOINT" ? "localhost:4318" : null, warnings);

        Assert.Null(telemetry);
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT is 'localhost:4318', which is not an http(s) URL", warnings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_resource_describes_the_function_and_OTEL_variables_win()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_FUNCTION_NAME"] = "HelloServerless",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2025/01/01/[$LATEST]abc",
            ["AWS_REGION"] = "eu-west-1",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=local%20dev,broken,service.instance.id=chosen",
        };

        var attributes = FunctionTelemetry.ResourceFor(name => environment.GetValueOrDefault(name)).Build().Attributes.ToDictionary(a => a.Key, a => a.Value);

        Assert.Equal("HelloServerless", attributes["service.name"]);
        Assert.Equal("HelloServerless", attributes["faas.name"]);
        Assert.Equal("aws", attributes["cloud.provider"]);
        Assert.Equal("eu-west-1", attributes["cloud.region"]);
        Assert.Equal("$LATEST", attributes["faas.version"]);
        Assert.Equal(512L * 1024 * 1024, attributes["faas.max_memory"]);
        Assert.Equal("chosen", attributes["service.instance.id"]);
        Assert.Equal("local dev", attributes["deployment.environment"]);

        environment["OTEL_SERVICE_NAME"] = "products";
        environment.Remove("OTEL_RESOURCE_ATTRIBUTES");
        attributes = FunctionTelemetry.ResourceFor(name => environment.GetValueOrDefault(name)).Build().Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("products", attributes["service.name"]);
        Assert.Equal("2025/01/01/[$LATEST]abc", attributes["service.instance.id"]);
    }
}
