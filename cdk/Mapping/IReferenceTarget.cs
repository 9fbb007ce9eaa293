using Amazon.CDK.AWS.IAM;
using Patterns.Hosting.Model;

namespace Patterns.Cdk.Mapping;

/// <summary>A mapped resource that functions can reference (<see cref="ResourceReference"/>).</summary>
internal interface IReferenceTarget
{
    /// <summary>What the referencing function's environment variable holds (a table's name, a queue's URL, …).</summary>
    string Identifier { get; }

    /// <summary>
    /// The statements that grant <paramref name="access"/> to this resource and nothing else;
    /// none where using the resource needs no permission.
    /// </summary>
    IReadOnlyList<PolicyStatement> Grant(ResourceAccess access);
}
