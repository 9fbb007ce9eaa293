using System.Text.Json;
using Patterns.AwsClients.CloudFormation;
using Patterns.AwsClients.Core;

namespace Patterns.Tests.AwsClients;

/// <summary>
/// Creates a CloudFormation stack whose only resource is a placeholder and whose outputs are
/// the given ones: what a deployed app looks like to a reader of its outputs.
/// </summary>
internal static class OutputsOnlyStack
{
    public static async Task<Stack> CreateAsync(Uri endpoint, string stackName, IReadOnlyDictionary<string, string> outputs)
    {
        var template = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Resources"] = new Dictionary<string, object> { ["Placeholder"] = new { Type = "AWS::CloudFormation::WaitConditionHandle" } },
            ["Outputs"] = outputs.ToDictionary(o => o.Key, o => (object)new { Value = o.Value }),
        });
        var options = new AwsClientOptions { Endpoint = endpoint, Region = "us-east-1", Credentials = AwsCredentials.Test };
        using var sender = AwsRequestSender.For(AwsService.CloudFormation, options, null, TimeProvider.System);
        await sender.SendAsync(AwsQuery.Request("CreateStack", "2010-05-15", ("StackName", stackName), ("TemplateBody", template)), CancellationToken.None);

        using var client = new CloudFormationClient(options);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var stack = await client.DescribeStackAsync(stackName);
            if (!stack.StackStatus.EndsWith("_IN_PROGRESS", StringComparison.Ordinal))
                return stack.StackStatus == "CREATE_COMPLETE" ? stack : throw new InvalidOperationException($"Stack {stackName} ended in {stack.StackStatus}: {stack.StackStatusReason}");
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Stack {stackName} is still {stack.StackStatus} after 30 s.");
            await Task.Delay(50);
        }
    }
}
