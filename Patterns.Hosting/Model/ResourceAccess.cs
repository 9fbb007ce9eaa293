namespace Patterns.Hosting.Model;

/// <summary>
/// What a function may do with a resource it references. A cloud deployment grants exactly the
/// actions of this level on that one resource (for a table: Read = GetItem, BatchGetItem, Query,
/// Scan; Write = PutItem, UpdateItem, DeleteItem, BatchWriteItem; ReadWrite = both).
/// </summary>
public enum ResourceAccess
{
    ReadWrite,
    Read,
    Write,
}
