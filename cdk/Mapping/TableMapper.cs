using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using ModelAttributeType = Patterns.Hosting.Model.AttributeType;
using ModelKey = Patterns.Hosting.Model.KeyAttribute;
using ModelTable = Patterns.Hosting.Model.Table;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model table → an on-demand DynamoDB table with the model's keys; CloudFormation names it
/// (the name is a stack output and the referencing functions' environment). Destroyed with the
/// stack: these are workshop tables, not records to keep.
/// </summary>
internal sealed class TableMapper : ResourceMapper<ModelTable, MappedTable>
{
    protected override MappedTable Map(ModelTable table, MappingContext context)
    {
        var construct = new Table(context.Stack, table.Name, new TableProps
        {
            PartitionKey = Key(table.PartitionKey),
            SortKey = table.SortKey is null ? null : Key(table.SortKey),
            BillingMode = BillingMode.PAY_PER_REQUEST,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        new CfnOutput(construct, "NameOutput", new CfnOutputProps
        {
            Value = construct.TableName,
            Description = $"The name of the {table.Name} table",
        }).OverrideLogicalId(OutputIds.For(table.Name, "TableName"));
        return new MappedTable(construct);
    }

    private static Amazon.CDK.AWS.DynamoDB.Attribute Key(ModelKey key) => new()
    {
        Name = key.Name,
        Type = key.Type switch
        {
            ModelAttributeType.String => AttributeType.STRING,
            ModelAttributeType.Number => AttributeType.NUMBER,
            ModelAttributeType.Binary => AttributeType.BINARY,
            _ => throw new ArgumentOutOfRangeException(nameof(key), key.Type, $"Key {key.Name} has an attribute type DynamoDB does not know."),
        },
    };
}
