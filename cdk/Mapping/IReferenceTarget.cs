using Amazon.CDK.AWS.IAM;
using Patterns.Hosting.Model;

namespace Patterns.Cdk.Mapping;

/// <summary>A mapped resource that functions can reference (<see cref="ResourceReference"/>).</summary>
internal interface IReferenceTarget
{
    /// <summary>What the referencing function's environment variable holds (a table's name, a queue's URL, …).</summary>
    string Identifier { get; }

    /// <summary>The one statement that grants <paramref name="access"/> to this resource and nothing else.</summary>
    PolicyStatement Grant(ResourceAccess access);
}
