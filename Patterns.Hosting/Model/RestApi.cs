using System.Collections.Immutable;

namespace Patterns.Hosting.Model;

/// <summary>An API Gateway REST API deployed to one stage.</summary>
public sealed record RestApi(string Name, string Stage) : Resource(Name)
{
    public ImmutableArray<Route> Routes { get; init; } = [];

    public ImmutableArray<ApiAuthorizer> Authorizers { get; init; } = [];
}
