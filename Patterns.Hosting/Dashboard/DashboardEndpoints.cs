using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patterns.Hosting.Dashboard.Otlp;
using Patterns.Hosting.Dashboard.Pages;
using Patterns.Hosting.Dashboard.Telemetry;

namespace Patterns.Hosting.Dashboard;

/// <summary>
/// The dashboard's routes: the OTLP receiver and the pages. Each page is served whole, or with
/// ?fragment=1 only its live part, with an ETag so that an unchanged part costs a 304.
/// </summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, TelemetryStore store, IDashboardModelSource source, DashboardOptions options)
    {
        var receiver = new OtlpReceiver(store, options.MaxRequestBodyBytes);
        routes.MapPost("/v1/traces", receiver.ReceiveTracesAsync);
        routes.MapPost("/v1/logs", receiver.ReceiveLogsAsync);
        routes.MapPost("/v1/metrics", receiver.ReceiveMetricsAsync);

        routes.MapGet("/", context =>
        {
            context.Response.Redirect("/resources");
            return Task.CompletedTask;
        });
        MapPage(routes, "/resources", "/resources", options, _ => ResourcesPage.Render(source.GetModel(), store.Colors));
        MapPage(routes, "/console", "/console", options, r => ConsolePage.Render(store, source.GetModel(), r.Query["resource"]));
        MapPage(routes, "/logs", "/logs", options, r => StructuredLogsPage.Render(store, r.Query["resource"], r.Query["level"], r.Query["q"]));
        MapPage(routes, "/traces", "/traces", options, r => TracesPage.Render(store, r.Query["resource"], r.Query["q"]));
        MapPage(routes, "/traces/{traceId}", "/traces", options, r => TraceDetailPage.Render(store, ((string)r.RouteValues["traceId"]!).ToLowerInvariant(), r.Query["span"]));
        MapPage(routes, "/invocations", "/invocations", options, _ => InvocationsPage.Render(store, source.GetModel()));
        MapPage(routes, "/metrics", "/metrics", options, r => MetricsPage.Render(store, r.Query["resource"]));
    }

    private static void MapPage(IEndpointRouteBuilder routes, string pattern, string navigation, DashboardOptions options, Func<HttpRequest, PageContent> render) =>
        routes.MapGet(pattern, async context =>
        {
            var request = context.Request;
            var page = render(request);
            var etag = ETag(page.Body);
            context.Response.Headers.CacheControl = "no-cache";
            if (request.Query.ContainsKey("fragment"))
            {
                if (request.Headers.IfNoneMatch == etag)
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
                context.Response.Headers.ETag = etag;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(page.Body, context.RequestAborted).ConfigureAwait(false);
                return;
            }
            var fragmentUrl = request.Path + (request.QueryString.HasValue ? request.QueryString.Value + "&fragment=1" : "?fragment=1");
            context.Response.StatusCode = page.StatusCode;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(PageLayout.Render(navigation, page, fragmentUrl, etag, options.RefreshInterval), context.RequestAborted).ConfigureAwait(false);
        });

    private static string ETag(string body) => $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)).AsSpan(0, 12))}\"";
}
