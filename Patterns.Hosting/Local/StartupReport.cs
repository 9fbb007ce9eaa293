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
            output.WriteLine($"  Table     {table.Name,-24} {table.Arn}");
        foreach (var function in app.Resources.Functions)
            output.WriteLine($"  Function  {function.Name,-24} {function.Arn}");
        foreach (var queue in app.Resources.Queues)
            output.WriteLine($"  Queue     {queue.Name,-24} {queue.Url}");
        foreach (var topic in app.Resources.Topics)
            output.WriteLine($"  Topic     {topic.Name,-24} {topic.Arn}");
        foreach (var bus in app.Resources.EventBuses)
            output.WriteLine($"  Bus       {bus.Name,-24} {bus.Arn}");
        foreach (var rule in app.Resources.Rules)
            output.WriteLine($"  Rule      {rule.Name,-24} on {rule.BusName} -> {string.Join(", ", app.Model.Get<Rule>(rule.Name).Targets.Select(t => t.ResourceName))}");
        foreach (var bucket in app.Resources.Buckets)
            output.WriteLine($"  Bucket    {bucket.Name,-24} s3://{bucket.Name}");
        foreach (var pool in app.Resources.UserPools)
            output.WriteLine($"  User pool {pool.Name,-24} {pool.Id}");
        foreach (var client in app.Resources.UserPoolClients)
            output.WriteLine($"  App client {client.Name,-23} {client.ClientId}");
        foreach (var api in app.Resources.RestApis)
        {
            output.WriteLine($"  REST API  {api.Name,-24} id {api.Id}, stage {api.Stage}");
            output.WriteLine($"            {api.InvokeUrl}");
            output.WriteLine($"            {api.UserRequestUrl}");
            WriteRoutes(output, app.Model.Get<RestApi>(api.Name));
        }
    }

    public static void Write(TextWriter output, AppModel model, DeployedApp app, TimeSpan readTime)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stack {app.StackName} ({app.StackStatus}) in {app.Region}, read in {readTime.TotalSeconds:0.00} s"));
        output.WriteLine($"  Stack id  {app.StackId}");
        output.WriteLine($"  For the AWS CLI and SDKs: AWS_REGION={app.Region}");
        foreach (var table in app.Tables)
            output.WriteLine($"  Table     {table.Name,-24} {table.TableName}");
        foreach (var function in app.Functions)
        {
            output.WriteLine($"  Function  {function.Name,-24} {function.FunctionName}");
            output.WriteLine($"            log group {function.LogGroupName}");
        }
        foreach (var queue in app.Queues)
            output.WriteLine($"  Queue     {queue.Name,-24} {queue.QueueUrl}");
        foreach (var topic in app.Topics)
            output.WriteLine($"  Topic     {topic.Name,-24} {topic.TopicArn}");
        foreach (var bus in app.EventBuses)
            output.WriteLine($"  Bus       {bus.Name,-24} {bus.EventBusName}");
        foreach (var rule in model.Rules)
            output.WriteLine($"  Rule      {rule.Name,-24} on {rule.BusName} -> {string.Join(", ", rule.Targets.Select(t => t.ResourceName))}");
        foreach (var bucket in app.Buckets)
            output.WriteLine($"  Bucket    {bucket.Name,-24} s3://{bucket.BucketName}");
        foreach (var pool in app.UserPools)
            output.WriteLine($"  User pool {pool.Name,-24} {pool.UserPoolId}");
        foreach (var client in app.UserPoolClients)
            output.WriteLine($"  App client {client.Name,-23} {client.ClientId}");
        foreach (var api in app.RestApis)
        {
            output.WriteLine($"  REST API  {api.Name,-24} stage {api.Stage}");
            output.WriteLine($"            {api.Url}");
            WriteRoutes(output, model.Get<RestApi>(api.Name));
        }
    }

    private static void WriteRoutes(TextWriter output, RestApi api)
    {
        foreach (var route in api.Routes)
            output.WriteLine($"            {route.Method,-7} {route.Path} -> {route.FunctionName}{(route.AuthorizerName is { } authorizer ? $" (authorizer {authorizer})" : "")}");
    }
}
