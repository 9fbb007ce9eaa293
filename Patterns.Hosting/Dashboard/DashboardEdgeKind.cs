namespace Patterns.Hosting.Dashboard;

/// <summary>How one resource of the model leads to another.</summary>
public enum DashboardEdgeKind
{
    /// <summary>An API's route to its integration (API → function).</summary>
    Route,

    /// <summary>An EventBridge rule's target (bus or rule → target).</summary>
    Rule,

    /// <summary>A topic's subscription (topic → function or queue).</summary>
    Subscription,

    /// <summary>An event source mapping (queue or stream → function).</summary>
    Mapping,

    /// <summary>A resource a function uses (function → table, queue, …).</summary>
    Reference,

    /// <summary>A bucket's event notification (bucket → function).</summary>
    Notification,

    /// <summary>An API's authorizer (API → authorizer function or user pool).</summary>
    Authorizer,
}
