using System.Text;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// Stack output names, readable and stable (e.g. ProductsTableName, ProductsAPIUrl): CloudFormation
/// logical ids allow letters and digits only, so other characters of a model name are dropped.
/// </summary>
internal static class OutputIds
{
    public static string For(string resourceName, string suffix)
    {
        var id = new StringBuilder(resourceName.Length + suffix.Length);
        foreach (var c in resourceName)
        {
            if (char.IsAsciiLetterOrDigit(c))
                id.Append(c);
        }
        return id.Append(suffix).ToString();
    }
}
