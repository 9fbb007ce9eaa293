using System.Globalization;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>What a run prints once it is up: where to call the app and what each resource of the model is.</summary>
internal static class StartupReport
{
    public static void Write(TextWriter output, LocalApp app)
    {
        var edge = app.EdgeUrl.ToString().TrimEnd('/');
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ready in {app.StartupTime.TotalSeconds:0.00} s"));
        if (app.DashboardUrl is { } dashboard)
            output.WriteLine($"  Dashboard            {dashboard.ToString().TrimEnd('/')}");
        output.WriteLine($"  Edge (AWS endpoint)  {edge}");
        output.WriteLine($"  For the AWS CLI and SDKs: AWS_ENDPOINT_URL={edge} AWS_REGION={app.Region} AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test");
        foreach (var table in app.Resources.Tables)
            Row(output, "Table", table.Name, table.Arn);
        foreach (var function in app.Resources.Functions)
            Row(output, "Function", function.Name, function.Arn);
        foreach (var queue in app.Resources.Queues)
            Row(output, "Queue", queue.Name, queue.Url.ToString());
        foreach (var topic in app.Resources.Topics)
            Row(output, "Topic", topic.Name, topic.Arn);
        foreach (var bus in app.Resources.EventBuses)
            Row(output, "Bus", bus.Name, bus.Arn);
        foreach (var rule in app.Resources.Rules)
            Row(output, "Rule", rule.Name, RuleTargets(rule.BusName, app.Model.Get<Rule>(rule.Name)));
        foreach (var bucket in app.Resources.Buckets)
            Row(output, "Bucket", bucket.Name, $"s3://{bucket.Name}");
        foreach (var pool in app.Resources.UserPools)
            Row(output, "User pool", pool.Name, pool.Id);
        foreach (var client in app.Resources.UserPoolClients)
            Row(output, "App client", client.Name, client.ClientId);
        foreach (var api in app.Resources.RestApis)
        {
            Row(output, "REST API", api.Name, $"id {api.Id}, stage {api.Stage}");
            Detail(output, api.InvokeUrl.ToString());
            Detail(output, api.UserRequestUrl.ToString());
            WriteRoutes(output, app.Model.Get<RestApi>(api.Name));
        }
    }

    public static void Write(TextWriter output, AppModel model, DeployedApp app, TimeSpan readTime)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stack {app.StackName} ({app.StackStatus}) in {app.Region}, read in {readTime.TotalSeconds:0.00} s"));
        output.WriteLine($"  Stack id  {app.StackId}");
        output.WriteLine($"  For the AWS CLI and SDKs: AWS_REGION={app.Region}");
        foreach (var table in app.Tables)
            Row(output, "Table", table.Name, table.TableName);
        foreach (var function in app.Functions)
        {
            Row(output, "Function", function.Name, function.FunctionName);
            Detail(output, $"log group {function.LogGroupName}");
        }
        foreach (var queue in app.Queues)
            Row(output, "Queue", queue.Name, queue.QueueUrl);
        foreach (var topic in app.Topics)
            Row(output, "Topic", topic.Name, topic.TopicArn);
        foreach (var bus in app.EventBuses)
            Row(output, "Bus", bus.Name, bus.EventBusName);
        foreach (var rule in model.Rules)
            Row(output, "Rule", rule.Name, RuleTargets(rule.BusName, rule));
        foreach (var bucket in app.Buckets)
            Row(output, "Bucket", bucket.Name, $"s3://{bucket.BucketName}");
        foreach (var pool in app.UserPools)
            Row(output, "User pool", pool.Name, pool.UserPoolId);
        foreach (var client in app.UserPoolClients)
            Row(output, "App client", client.Name, client.ClientId);
        foreach (var api in app.RestApis)
        {
            Row(output, "REST API", api.Name, $"stage {api.Stage}");
            Detail(output, api.Url.ToString());
            WriteRoutes(output, model.Get<RestApi>(api.Name));
        }
    }

    /// <summary>
    /// One resource: its kind and name, then what to call it by. The names' column is as wide as
    /// the longest name of the patterns; a longer kind ("App client") takes its room from the name,
    /// so the last column stays aligned.
    /// </summary>
    private static void Row(TextWriter output, string kind, string name, string? value)
    {
        var label = $"{kind,-9} {name}";
        output.WriteLine($"  {label,-34} {value}");
    }

    /// <summary>A line under the resource above it, aligned with its name.</summary>
    private static void Detail(TextWriter output, string text) => output.WriteLine($"            {text}");

    private static string RuleTargets(string busName, Rule rule) =>
        $"on {busName} -> {string.Join(", ", rule.Targets.Select(t => t.ResourceName))}";

    private static void WriteRoutes(TextWriter output, RestApi api)
    {
        foreach (var route in api.Routes)
            Detail(output, $"{route.Method,-7} {route.Path} -> {route.FunctionName}{(route.AuthorizerName is { } authorizer ? $" (authorizer {authorizer})" : "")}");
    }
}
