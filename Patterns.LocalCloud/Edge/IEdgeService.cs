using Microsoft.AspNetCore.Http;

namespace Patterns.LocalCloud.Edge;

/// <summary>
/// A service the edge serves itself instead of proxying to moto. The edge resolves the
/// AWS service of each request (<see cref="ServiceResolver"/>) and hands the request to the
/// service registered under that name.
/// </summary>
internal interface IEdgeService
{
    /// <summary>The AWS signing name this service answers for ("lambda", "execute-api", …).</summary>
    string ServiceName { get; }

    Task HandleAsync(HttpContext context);
}
