namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>Where an identity source expression reads its value.</summary>
internal enum IdentitySourceKind
{
    /// <summary><c>method.request.header.Name</c></summary>
    Header,

    /// <summary><c>method.request.querystring.Name</c></summary>
    QueryString,

    /// <summary><c>stageVariables.Name</c></summary>
    StageVariable,

    /// <summary><c>context.name</c>, e.g. <c>context.identity.sourceIp</c></summary>
    Context,
}
