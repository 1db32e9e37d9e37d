using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cwf.Playground.Workbench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cwf.Playground.Api;

/// <summary>
/// The JSON endpoints (spec/playground.md). Each POST takes a <see cref="WorkflowRequest"/>; the work runs on the thread pool,
/// one request at a time per endpoint call. Handlers are plain request delegates over the generated serializers (no reflection, for AOT).
/// </summary>
internal static class PlaygroundApi
{
    private const long MaxRequestBytes = 8 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app, PlaygroundWorkbench workbench)
    {
        var json = PlaygroundJsonContext.Default;
        app.MapPost("/api/check", Post(workbench.Check, json.CheckResponse));
        app.MapPost("/api/compile", Post(workbench.Compile, json.CompileResponse));
        app.MapPost("/api/graph", Post(workbench.Graph, json.GraphResponse));
        app.MapPost("/api/import", Post(workbench.Import, json.ImportResponse));
        app.MapPost("/api/run", Post(workbench.Run, json.RunResponse));
        app.MapGet("/api/files", (RequestDelegate)(context => context.Response.WriteAsJsonAsync(workbench.Files(), json.FilesResponse)));
        app.MapGet("/api/file", (RequestDelegate)(context =>
        {
            var file = workbench.File(context.Request.Query["path"].ToString());
            context.Response.StatusCode = file.Text is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            return context.Response.WriteAsJsonAsync(file, json.FileResponse);
        }));
    }

    private static RequestDelegate Post<T>(Func<WorkflowRequest, T> action, JsonTypeInfo<T> response) => async context =>
    {
        // JSON only: a form or text/plain post from another site would not be preflighted by the browser.
        if (!context.Request.HasJsonContentType())
        {
            await Fail(context, StatusCodes.Status415UnsupportedMediaType, "send the request as application/json");
            return;
        }
        if (context.Request.ContentLength > MaxRequestBytes)
        {
            await Fail(context, StatusCodes.Status413PayloadTooLarge, $"a request holds at most {MaxRequestBytes / (1024 * 1024)} MB");
            return;
        }
        WorkflowRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, PlaygroundJsonContext.Default.WorkflowRequest, context.RequestAborted);
        }
        catch (JsonException e)
        {
            await Fail(context, StatusCodes.Status400BadRequest, $"the request is not a workflow request: {e.Message}");
            return;
        }
        if (request?.Source is null)
        {
            await Fail(context, StatusCodes.Status400BadRequest, "the request needs \"source\": the workflow's text");
            return;
        }
        T result;
        try
        {
            result = await Task.Run(() => action(request), context.RequestAborted);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            await Fail(context, StatusCodes.Status500InternalServerError,
                $"{Diagnostics.DiagnosticCodes.InternalError.Code}: internal compiler error ({e.GetType().Name}: {e.Message}); this is a bug in cwf, not in your workflow");
            return;
        }
        await context.Response.WriteAsJsonAsync(result, response, cancellationToken: context.RequestAborted);
    };

    private static Task Fail(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(message);
    }
}
