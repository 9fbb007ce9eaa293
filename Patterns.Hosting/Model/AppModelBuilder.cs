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

    /// <summary>A Cognito user pool; users sign in with their email address.</summary>
    public ResourceBuilder<UserPool> AddUserPool(string name)
    {
        ModelRules.UserPoolName(name);
        return Add(new UserPool(name));
    }

    /// <summary>An app client of <paramref name="userPool"/> (no secret; user-password sign-in).</summary>
    public ResourceBuilder<UserPoolClient> AddUserPoolClient(string name, ResourceBuilder<UserPool> userPool)
    {
        ArgumentNullException.ThrowIfNull(userPool);
        ModelRules.UserPoolClientName(name);
        SameModel(userPool, $"User pool client {name}");
        return Add(new UserPoolClient(name, userPool.Name));
    }

    /// <summary>A custom EventBridge bus.</summary>
    public ResourceBuilder<EventBus> AddEventBus(string name)
    {
        ModelRules.EventBusName(name);
        return Add(new EventBus(name));
    }

    /// <summary>A rule on <paramref name="bus"/> matching <paramref name="eventPattern"/> (JSON); add targets with WithTarget.</summary>
    public ResourceBuilder<Rule> AddRule(string name, ResourceBuilder<EventBus> bus, string eventPattern)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ModelRules.RuleName(name);
        ModelRules.EventPattern(name, eventPattern);
        SameModel(bus, $"Rule {name}");
        return Add(new Rule(name, bus.Name, eventPattern));
    }

    /// <summary>An SQS standard queue.</summary>
    public ResourceBuilder<Queue> AddQueue(string name)
    {
        ModelRules.QueueName(name);
        return Add(new Queue(name));
    }

    /// <summary>An SNS standard topic; add subscribers with WithSubscription.</summary>
    public ResourceBuilder<Topic> AddTopic(string name)
    {
        ModelRules.TopicName(name);
        return Add(new Topic(name));
    }

    /// <summary>An S3 bucket; its name is the bucket's name locally.</summary>
    public ResourceBuilder<Bucket> AddBucket(string name)
    {
        ModelRules.BucketName(name);
        return Add(new Bucket(name));
    }

    /// <summary>
    /// The handle of a resource declared earlier, e.g. by another pattern that shares it (Pattern 2
    /// puts Pattern 1's function behind an authorizer); null when the model has none of that name and kind.
    /// </summary>
    public ResourceBuilder<T>? Find<T>(string name) where T : Resource =>
        _resources.OfType<T>().Any(r => r.Name == name) ? new ResourceBuilder<T>(this, name) : null;

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
        foreach (var function in _resources.OfType<Function>())
        {
            foreach (var source in function.EventSources)
            {
                // Lambda refuses the mapping otherwise: a batch still running would become visible again.
                var queue = Current<Queue>(source.QueueName);
                if (queue.VisibilityTimeout < function.Timeout)
                    throw new InvalidOperationException(
                        $"Queue {queue.Name}'s visibility timeout ({queue.VisibilityTimeout.TotalSeconds:0} s) is shorter than function {function.Name}'s timeout ({function.Timeout.TotalSeconds:0} s), so Lambda cannot poll it for that function: raise the queue's with WithVisibilityTimeout (AWS recommends six times the function's timeout).");
            }
        }
        return new AppModel([.. _resources], _functionsProject);
    }

    internal T Current<T>(string name) where T : Resource =>
        _resources.OfType<T>().Single(r => r.Name == name);

    internal void SameModel<T>(ResourceBuilder<T> other, string who) where T : Resource
    {
        if (other.App != this)
            throw new ArgumentException($"{who}: {typeof(T).Name} {other.Name} belongs to another model; use resources of the same AppModelBuilder.");
    }

    internal void Replace(Resource resource) =>
        _resources[_resources.FindIndex(r => r.Name == resource.Name)] = resource;

    private ResourceBuilder<T> Add<T>(T resource) where T : Resource
    {
        if (_resources.FirstOrDefault(r => r.Name == resource.Name) is { } existing)
            throw new ArgumentException(
                $"The model already has a {existing.GetType().Name} named '{resource.Name}'; resource names are unique across every kind.");
        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource.Name);
    }
}
