using System.Collections.Immutable;

namespace Patterns.Hosting.Model;

/// <summary>
/// Declares an app's resources in C#, checking each against AWS's rules as it is declared:
/// <code>
/// var products = app.AddTable("Products", partitionKey: "productId");
/// var hello = app.AddFunction("HelloServerless", "Functions::Functions.Pattern01.HelloServerless::HandleAsync")
///                .WithReference(products, "TABLE_NAME");
/// app.AddRestApi("ProductsAPI", stage: "dev").WithRoute("GET", "/products", hello);
/// </code>
/// </summary>
public sealed class AppModelBuilder
{
    // Declaration order is kept: it is the order resources are listed and, among independent
    // resources, created.
    private readonly List<Resource> _resources = [];
    private FunctionsProject? _functionsProject;

    public ResourceBuilder<Table> AddTable(
        string name,
        string partitionKey,
        AttributeType partitionKeyType = AttributeType.String,
        string? sortKey = null,
        AttributeType sortKeyType = AttributeType.String)
    {
        ModelRules.TableName(name);
        ModelRules.AttributeName(name, partitionKey);
        if (sortKey is not null)
        {
            ModelRules.AttributeName(name, sortKey);
            if (sortKey == partitionKey)
                throw new ArgumentException($"Table {name}: the sort key cannot be the partition key ({sortKey}).", nameof(sortKey));
        }
        return Add(new Table(name, new KeyAttribute(partitionKey, partitionKeyType), sortKey is null ? null : new KeyAttribute(sortKey, sortKeyType)));
    }

    /// <param name="handler">Assembly::Namespace.Type::Method, e.g. Functions::Functions.Pattern01.HelloServerless::HandleAsync.</param>
    public ResourceBuilder<Function> AddFunction(string name, string handler)
    {
        ModelRules.FunctionName(name);
        ModelRules.Handler(name, handler);
        return Add(new Function(name, handler));
    }

    public ResourceBuilder<RestApi> AddRestApi(string name, string stage)
    {
        ModelRules.RestApiName(name);
        ModelRules.StageName(name, stage);
        return Add(new RestApi(name, stage));
    }

    /// <summary>Where the functions' code is; an AppHost passes <see cref="FunctionsProject.FromAssemblyMetadata"/>.</summary>
    public AppModelBuilder UseFunctionsProject(FunctionsProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        _functionsProject = project;
        return this;
    }

    /// <exception cref="InvalidOperationException">The model is incomplete, e.g. an API without routes.</exception>
    public AppModel Build()
    {
        if (_resources.OfType<RestApi>().FirstOrDefault(a => a.Routes.IsEmpty) is { } empty)
            throw new InvalidOperationException($"REST API {empty.Name} has no routes, and API Gateway cannot deploy an API without methods: add one with WithRoute.");
        return new AppModel([.. _resources], _functionsProject);
    }

    internal T Current<T>(string name) where T : Resource =>
        _resources.OfType<T>().Single(r => r.Name == name);

    internal void Replace(Resource resource) =>
        _resources[_resources.FindIndex(r => r.Name == resource.Name)] = resource;

    private ResourceBuilder<T> Add<T>(T resource) where T : Resource
    {
        if (_resources.FirstOrDefault(r => r.Name == resource.Name) is { } existing)
            throw new ArgumentException(
                $"The model already has a {existing.GetType().Name} named '{resource.Name}'; resource names are unique across tables, functions and APIs.");
        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource.Name);
    }
}
