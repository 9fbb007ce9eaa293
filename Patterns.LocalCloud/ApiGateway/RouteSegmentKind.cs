namespace Patterns.LocalCloud.ApiGateway;

/// <summary>How a path template segment matches; the order is API Gateway's precedence.</summary>
internal enum RouteSegmentKind
{
    Literal = 0,
    Parameter = 1,
    Greedy = 2,
}
