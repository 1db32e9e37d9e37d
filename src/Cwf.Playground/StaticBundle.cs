using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Cwf.Playground;

/// <summary>
/// The front end (web/dist, bundled by scripts/build-playground.sh) is embedded in this assembly as <c>web/&lt;file&gt;</c>,
/// so the command line serves the page with nothing beside it and no CDN.
/// </summary>
internal static class StaticBundle
{
    private const string Prefix = "web/";
    private static readonly Assembly Assembly = typeof(StaticBundle).Assembly;
    private static readonly HashSet<string> Files = [.. Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..])];
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (RequestDelegate)(context => Serve(context, "index.html")));
        app.MapGet("/{file}", (RequestDelegate)(context => Serve(context, (string)context.Request.RouteValues["file"]!)));
    }

    private static async Task Serve(HttpContext context, string file)
    {
        if (!Files.Contains(file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync(Files.Count == 0
                ? "the playground's front end was not bundled into this build: run scripts/build-playground.sh, then build again"
                : $"no such file: {file}");
            return;
        }
        context.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await using var stream = Assembly.GetManifestResourceStream(Prefix + file)!;
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
