namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>One value a filter policy condition is tested against: an attribute's value, an element of a String.Array, a leaf of the body.</summary>
internal readonly record struct FilterValue(FilterValueKind Kind, string? Text = null, double Number = 0, bool Boolean = false)
{
    public static FilterValue OfString(string text) => new(FilterValueKind.String, Text: text);

    public static FilterValue OfNumber(double number) => new(FilterValueKind.Number, Number: number);

    public static FilterValue OfBoolean(bool value) => new(FilterValueKind.Boolean, Boolean: value);

    public static FilterValue Null { get; } = new(FilterValueKind.Null);
}
