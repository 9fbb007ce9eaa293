using System.Globalization;

namespace Patterns.Hosting.Local;

/// <summary>What a local run prints once it is up: where to call it and what it provisioned.</summary>
internal static class StartupReport
{
    public static void Write(TextWriter output, LocalApp app)
    {
        var edge = app.EdgeUrl.ToString().TrimEnd('/');
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ready in {app.StartupTime.TotalSeconds:0.00} s"));
        output.WriteLine($"  Edge (AWS endpoint)  {edge}");
        output.WriteLine($"  For the AWS CLI and SDKs: AWS_ENDPOINT_URL={edge} AWS_REGION={app.Region} AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test");
        foreach (var table in app.Resources.Tables)
            output.WriteLine($"  Table     {table.Name,-24} {table.Arn}");
        foreach (var function in app.Resources.Functions)
            output.WriteLine($"  Function  {function.Name,-24} {function.Arn}");
        foreach (var api in app.Resources.RestApis)
        {
            output.WriteLine($"  REST API  {api.Name,-24} id {api.Id}, stage {api.Stage}");
            output.WriteLine($"            {api.InvokeUrl}");
            output.WriteLine($"            {api.UserRequestUrl}");
            foreach (var route in app.Model.Get<Model.RestApi>(api.Name).Routes)
                output.WriteLine($"            {route.Method,-7} {route.Path} -> {route.FunctionName}");
        }
        output.WriteLine("Press Ctrl+C to stop.");
    }
}
