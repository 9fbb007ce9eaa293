using Amazon.CDK.AWS.Lambda;

namespace Patterns.Cdk.Mapping;

/// <summary>A deployed function, for the integrations and triggers that invoke it.</summary>
internal sealed record MappedFunction(IFunction Function);
