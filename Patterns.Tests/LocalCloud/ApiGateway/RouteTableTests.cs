using Patterns.LocalCloud.ApiGateway;

namespace Patterns.Tests.LocalCloud.ApiGateway;

public sealed class RouteTableTests
{
    // Resource path → methods, as an API could define them.
    private static readonly RouteTable Routes = new(
    [
        Resource("/", "GET"),
        Resource("/products", "GET"),
        Resource("/products/{id}", "GET", "DELETE"),
        Resource("/products/special", "GET"),
        Resource("/products/{id}/reviews/{proxy+}", "ANY"),
        Resource("/items", "ANY", "GET"),
        Resource("/orders/{orderId}/lines/{lineId}", "GET"),
        Resource("/orders/{orderId}/lines/first", "GET"),
        Resource("/files/{path+}", "GET"),
        Resource("/{proxy+}", "ANY"),
    ]);

    [Theory]
    [InlineData("GET", "/", "/", "GET", "")]
    [InlineData("GET", "/products", "/products", "GET", "")]
    [InlineData("GET", "/products/", "/products", "GET", "")]
    [InlineData("GET", "/products/42", "/products/{id}", "GET", "id=42")]
    [InlineData("DELETE", "/products/42", "/products/{id}", "DELETE", "id=42")]
    [InlineData("GET", "/products/special", "/products/special", "GET", "")]
    [InlineData("DELETE", "/products/special", "/products/{id}", "DELETE", "id=special")]
    [InlineData("GET", "/products/a%20b", "/products/{id}", "GET", "id=a%20b")]
    [InlineData("GET", "/products/a%2Fb", "/products/{id}", "GET", "id=a%2Fb")]
    [InlineData("POST", "/products/42/reviews/x", "/products/{id}/reviews/{proxy+}", "ANY", "id=42&proxy=x")]
    [InlineData("GET", "/products/42/reviews/x/y/z", "/products/{id}/reviews/{proxy+}", "ANY", "id=42&proxy=x/y/z")]
    [InlineData("GET", "/items", "/items", "GET", "")]
    [InlineData("PUT", "/items", "/items", "ANY", "")]
    [InlineData("GET", "/orders/7/lines/first", "/orders/{orderId}/lines/first", "GET", "orderId=7")]
    [InlineData("GET", "/orders/7/lines/3", "/orders/{orderId}/lines/{lineId}", "GET", "orderId=7&lineId=3")]
    [InlineData("GET", "/files/a/b.txt", "/files/{path+}", "GET", "path=a/b.txt")]
    [InlineData("GET", "/anything/else", "/{proxy+}", "ANY", "proxy=anything/else")]
    // /products has no POST: the request falls through to the greedy resource that accepts it.
    [InlineData("POST", "/products", "/{proxy+}", "ANY", "proxy=products")]
    [InlineData("POST", "/files/a", "/{proxy+}", "ANY", "proxy=files/a")]
    // A greedy parameter needs at least one segment, so these fall through to the root's greedy resource.
    [InlineData("GET", "/products/42/reviews", "/{proxy+}", "ANY", "proxy=products/42/reviews")]
    [InlineData("GET", "/files", "/{proxy+}", "ANY", "proxy=files")]
    public void Routes_to_the_most_specific_resource_that_has_the_method(string method, string path, string resource, string resolvedMethod, string parameters)
    {
        var match = Routes.Match(method, path);

        Assert.NotNull(match);
        Assert.Equal(resource, match.Resource.Path);
        Assert.Equal(resolvedMethod, match.Method.HttpMethod);
        Assert.Equal(parameters, Describe(match.PathParameters));
    }

    [Fact]
    public void The_root_is_not_matched_by_a_greedy_resource()
    {
        Assert.Null(Routes.Match("POST", "/"));
    }

    [Theory]
    [InlineData("GET", "/nope")]
    [InlineData("POST", "/products")]
    [InlineData("GET", "/products/42/extra")]
    [InlineData("GET", "/Products")]
    public void An_api_without_greedy_resources_matches_nothing_else(string method, string path)
    {
        var routes = new RouteTable([Resource("/", "GET"), Resource("/products", "GET"), Resource("/products/{id}", "GET")]);

        Assert.Null(routes.Match(method, path));
    }

    [Fact]
    public void A_resource_without_methods_is_not_a_route()
    {
        var routes = new RouteTable([Resource("/", "GET"), Resource("/products"), Resource("/products/{id}", "GET")]);

        Assert.Null(routes.Match("GET", "/products"));
        Assert.NotNull(routes.Match("GET", "/products/1"));
    }

    [Fact]
    public void Path_parameters_are_null_when_the_template_has_none()
    {
        Assert.Null(Routes.Match("GET", "/products")!.PathParameters);
    }

    private static ApiResource Resource(string path, params string[] methods) =>
        new(
            "id-" + path,
            path,
            methods.ToDictionary(
                method => method,
                method => new ApiMethod(method, MethodAuthorization.None, null, null)));

    private static string Describe(IReadOnlyDictionary<string, string>? parameters) =>
        parameters is null ? "" : string.Join('&', parameters.Select(parameter => $"{parameter.Key}={parameter.Value}"));
}
