namespace Patterns.Hosting.Model;

/// <summary>The type of a DynamoDB key attribute: S, N or B.</summary>
public enum AttributeType
{
    String,
    Number,
    Binary,
}
