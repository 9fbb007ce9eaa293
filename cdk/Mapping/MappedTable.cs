using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using ResourceAccess = Patterns.Hosting.Model.ResourceAccess;

namespace Patterns.Cdk.Mapping;

/// <summary>A deployed table: referencing it gives its name and item access on its ARN alone.</summary>
internal sealed record MappedTable(Table Table) : IReferenceTarget
{
    public string Identifier => Table.TableName;

    public IReadOnlyList<PolicyStatement> Grant(ResourceAccess access) =>
    [
        new(new PolicyStatementProps
        {
            Actions = DynamoDbActions.For(access),
            Resources = [Table.TableArn],
        }),
    ];
}
