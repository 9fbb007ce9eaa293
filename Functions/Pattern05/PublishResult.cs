namespace Functions.Pattern05;

/// <summary>ImageUploadHandler's answer: {"statusCode": 200, "messageId": …}.</summary>
public sealed record PublishResult(int StatusCode, string MessageId);
