namespace Patterns.LocalCloud.Lambda.EventSourceMappings;

/// <summary>The State values of an event source mapping, as the Lambda API spells them.</summary>
internal static class EventSourceMappingStates
{
    public const string Creating = "Creating";
    public const string Enabling = "Enabling";
    public const string Enabled = "Enabled";
    public const string Disabling = "Disabling";
    public const string Disabled = "Disabled";
    public const string Updating = "Updating";
    public const string Deleting = "Deleting";
}
