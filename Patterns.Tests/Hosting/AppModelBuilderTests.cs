using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Hosting.Model;

namespace Patterns.Tests.Hosting;

/// <summary>The model is plain data built fluently, checked against AWS's rules as it is declared.</summary>
public sealed class AppModelBuilderTests
{
    private const string Handler = "Functions::Functions.Pattern01.HelloServerless::HandleAsync";

    [Fact]
    public void Builds_tables_functions_and_apis_as_plain_records_in_declaration_order()
    {
        var app = new AppModelBuilder();
        var products = app.AddTable("Products", partitionKey: "productId");
        var metrics = app.AddTable("SensorMetrics", "sensorId", sortKey: "timestamp", sortKeyType: AttributeType.Number);
        var hello = app.AddFunction("HelloServerless", Handler)
            .WithReference(products, "TABLE_NAME")
            .WithEnvironment("GREETING", "Hello")
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithMemorySize(256);
        app.AddRestApi("ProductsAPI", stage: "dev").WithRoute("GET", "/products", hello).WithRoute("post", "/products/{id}", hello);

        var model = app.Build();

        Assert.Equal(["Products", "SensorMetrics", "HelloServerless", "ProductsAPI"], model.Resources.Select(r => r.Name));
        Assert.Equal(new Table("Products", new KeyAttribute("productId", AttributeType.String)), model.Get<Table>("Products"));
        Assert.Equal(new KeyAttribute("timestamp", AttributeType.Number), model.Get<Table>("SensorMetrics").SortKey);
        var function = model.Get<Function>("HelloServerless");
        Assert.Equal(Handler, function.Handler);
        Assert.Equal(TimeSpan.FromSeconds(10), function.Timeout);
        Assert.Equal(256, function.MemorySize);
        Assert.Equal("Hello", function.Environment["GREETING"]);
        Assert.Equal(new ResourceReference("Products", "TABLE_NAME"), Assert.Single(function.References));
        var api = model.Get<RestApi>("ProductsAPI");
        Assert.Equal("dev", api.Stage);
        Assert.Equal([new Route("GET", "/products", "HelloServerless"), new Route("POST", "/products/{id}", "HelloServerless")], api.Routes.AsEnumerable());
    }

    [Fact]
    public void A_function_has_Lambdas_defaults()
    {
        var app = new AppModelBuilder();
        var hello = app.AddFunction("Hello", Handler);

        Assert.Equal(TimeSpan.FromSeconds(3), hello.Resource.Timeout);
        Assert.Equal(128, hello.Resource.MemorySize);
        Assert.Empty(hello.Resource.Environment);
        Assert.Empty(hello.Resource.References);
    }

    [Fact]
    public void A_built_model_does_not_change_when_the_builder_goes_on()
    {
        var app = new AppModelBuilder();
        var hello = app.AddFunction("Hello", Handler);
        var before = app.Build();

        hello.WithEnvironment("LATER", "1");

        Assert.Empty(before.Get<Function>("Hello").Environment);
        Assert.Equal("1", app.Build().Get<Function>("Hello").Environment["LATER"]);
    }

    [Theory]
    [InlineData("ab", "3 to 255")]
    [InlineData("has space", "3 to 255")]
    public void Rejects_table_names_DynamoDB_refuses(string name, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new AppModelBuilder().AddTable(name, "id"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad Name", Handler, "1 to 64")]
    [InlineData("Hello", "Functions.Pattern01.HelloServerless.HandleAsync", "Assembly::Namespace.Type::Method")]
    [InlineData("Hello", "Functions::HelloServerless::HandleAsync", "Assembly::Namespace.Type::Method")]
    public void Rejects_function_names_and_handlers_Lambda_refuses(string name, string handler, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new AppModelBuilder().AddFunction(name, handler));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_out_of_range_settings_and_reserved_variables()
    {
        var hello = new AppModelBuilder().AddFunction("Hello", Handler);

        Assert.Contains("1 to 900", Assert.Throws<ArgumentException>(() => hello.WithTimeout(TimeSpan.FromMinutes(16))).Message, StringComparison.Ordinal);
        Assert.Contains("1 to 900", Assert.Throws<ArgumentException>(() => hello.WithTimeout(TimeSpan.FromMilliseconds(1500))).Message, StringComparison.Ordinal);
        Assert.Contains("128 to 10240", Assert.Throws<ArgumentException>(() => hello.WithMemorySize(64)).Message, StringComparison.Ordinal);
        Assert.Contains("reserved", Assert.Throws<ArgumentException>(() => hello.WithEnvironment("AWS_REGION", "x")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_variable_set_twice()
    {
        var app = new AppModelBuilder();
        var table = app.AddTable("Products", "productId");
        var hello = app.AddFunction("Hello", Handler).WithEnvironment("TABLE_NAME", "x");

        var error = Assert.Throws<ArgumentException>(() => hello.WithReference(table, "TABLE_NAME"));
        Assert.Contains("TABLE_NAME is already set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resource_names_are_unique_across_kinds()
    {
        var app = new AppModelBuilder();
        app.AddTable("Orders", "orderId");

        var error = Assert.Throws<ArgumentException>(() => app.AddFunction("Orders", Handler));
        Assert.Contains("already has a Table named 'Orders'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FETCH", "/products", "is not one of")]
    [InlineData("GET", "products", "must start with '/'")]
    [InlineData("GET", "/products/", "not end with one")]
    [InlineData("GET", "/{proxy+}/x", "greedy")]
    [InlineData("GET", "/a b", "invalid part")]
    public void Rejects_routes_API_Gateway_refuses(string method, string path, string expected)
    {
        var app = new AppModelBuilder();
        var hello = app.AddFunction("Hello", Handler);
        var api = app.AddRestApi("Api", "dev");

        var error = Assert.Throws<ArgumentException>(() => api.WithRoute(method, path, hello));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_duplicate_route_and_an_api_without_routes()
    {
        var app = new AppModelBuilder();
        var hello = app.AddFunction("Hello", Handler);
        var api = app.AddRestApi("Api", "dev").WithRoute("GET", "/x", hello);
        app.AddRestApi("Empty", "dev");

        Assert.Contains("already has a route GET /x", Assert.Throws<ArgumentException>(() => api.WithRoute("get", "/x", hello)).Message, StringComparison.Ordinal);
        Assert.Contains("Empty has no routes", Assert.Throws<InvalidOperationException>(app.Build).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_resources_of_another_model()
    {
        var other = new AppModelBuilder().AddTable("Products", "productId");
        var hello = new AppModelBuilder().AddFunction("Hello", Handler);

        Assert.Contains("another model", Assert.Throws<ArgumentException>(() => hello.WithReference(other, "TABLE_NAME")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pattern01_declares_the_seeds_resources()
    {
        var model = PatternsApp.Build(new Pattern01ApiBackend());

        var table = Assert.Single(model.Tables);
        Assert.Equal(new Table("Products", new KeyAttribute("productId", AttributeType.String)), table);
        var function = Assert.Single(model.Functions);
        Assert.Equal("HelloServerless", function.Name);
        Assert.Equal("Functions::Functions.Pattern01.HelloServerless::HandleAsync", function.Handler);
        Assert.Equal(new ResourceReference("Products", "TABLE_NAME"), Assert.Single(function.References));
        var api = Assert.Single(model.RestApis);
        Assert.Equal(("ProductsAPI", "dev"), (api.Name, api.Stage));
        Assert.Equal(["GET /products", "POST /products"], api.Routes.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(api.Routes, r => Assert.Equal("HelloServerless", r.FunctionName));
    }

    [Fact]
    public void The_whole_app_includes_every_pattern_and_knows_where_the_functions_are()
    {
        var model = PatternsApp.Build();

        Assert.Contains(model.RestApis, a => a.Name == Pattern01ApiBackend.ApiName);
        Assert.NotNull(model.FunctionsProject);
        Assert.EndsWith("Functions.csproj", model.FunctionsProject.ProjectPath, StringComparison.Ordinal);
        Assert.True(File.Exists(model.FunctionsProject.ProjectPath), model.FunctionsProject.ProjectPath);
        Assert.True(Directory.Exists(model.FunctionsProject.BuildDirectory), model.FunctionsProject.BuildDirectory);
    }
}
