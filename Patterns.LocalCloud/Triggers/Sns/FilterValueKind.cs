namespace Patterns.LocalCloud.Triggers.Sns;

internal enum FilterValueKind
{
    String,
    Number,
    Boolean,
    Null,
}
