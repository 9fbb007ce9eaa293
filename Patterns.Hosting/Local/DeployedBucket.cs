namespace Patterns.Hosting.Local;

/// <summary>A bucket as deployed: the model's name and the bucket's (global) name.</summary>
public sealed record DeployedBucket(string Name, string BucketName);
