namespace Patterns.LocalCloud.Lambda.Functions;

/// <summary>A function's configuration as the Lambda API stores it ($LATEST only).</summary>
internal sealed record FunctionDefinition
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string Runtime { get; init; }

    public required string Handler { get; init; }

    public required string Role { get; init; }

    public string Description { get; init; } = "";

    public int TimeoutSeconds { get; init; } = 3;

    public int MemorySizeMb { get; init; } = 128;

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Architectures { get; init; } = ["x86_64"];

    public string? DeadLetterTargetArn { get; init; }

    public required FunctionCode Code { get; init; }

    public DateTimeOffset LastModified { get; init; } = DateTimeOffset.UtcNow;

    public string RevisionId { get; init; } = Guid.NewGuid().ToString();

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public string LogGroupName => $"/aws/lambda/{Name}";
}
