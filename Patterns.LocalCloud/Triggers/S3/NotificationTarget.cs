namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>The kinds of destination a bucket notification names.</summary>
internal enum NotificationTarget
{
    Topic,
    Queue,
    Lambda,
}
