namespace Patterns.LocalCloud.ApiGateway;

/// <summary>One segment of a resource path template. Kinds are ordered from most to least specific.</summary>
internal readonly record struct RouteSegment(RouteSegmentKind Kind, string Text)
{
    /// <summary>"products" → literal, "{id}" → parameter id, "{proxy+}" → greedy parameter proxy.</summary>
    public static RouteSegment Parse(string pathPart)
    {
        if (pathPart.Length > 2 && pathPart[0] == '{' && pathPart[^1] == '}')
        {
            var name = pathPart[1..^1];
            return name.EndsWith('+')
                ? new RouteSegment(RouteSegmentKind.Greedy, name[..^1])
                : new RouteSegment(RouteSegmentKind.Parameter, name);
        }
        return new RouteSegment(RouteSegmentKind.Literal, pathPart);
    }
}
