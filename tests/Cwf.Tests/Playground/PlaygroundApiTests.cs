using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cwf.Playground.Api;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Playground;

/// <summary>The HTTP side of `cwf serve`: the JSON endpoints, the embedded page, and what the server refuses.</summary>
[EngineTest(Engine.Playground)]
public sealed class PlaygroundApiTests
{
    private static readonly JsonSerializerOptions Json = PlaygroundJsonContext.Default.Options;

    private static string ExampleText(string path) => File.ReadAllText(RepoPaths.Combine("examples", path));

    [Fact]
    public async Task The_endpoints_answer_check_graph_compile_import_and_run()
    {
        await using var host = await PlaygroundHost.StartAsync(RepoPaths.Combine("examples"));
        var request = new WorkflowRequest(ExampleText("school_buffers.cwf"), "school_buffers.cwf", "snowflake");

        var check = await Post<CheckResponse>(host, "check", request);
        Assert.DoesNotContain(check.Diagnostics, d => d.Severity == "error");

        var graph = await Post<GraphResponse>(host, "graph", request);
        Assert.Equal("snowflake", graph.Graph!.Dialect);
        Assert.Contains(graph.Graph.Nodes, n => n.Kind == "scan");

        var compile = await Post<CompileResponse>(host, "compile", request);
        Assert.Equal("snowflake", Assert.Single(compile.Results).Dialect);

        var import = await Post<ImportResponse>(host, "import", new WorkflowRequest(ExampleText("canvas/school_buffers/canvas.json"), "canvas/school_buffers/canvas.json"));
        Assert.NotNull(import.Cwf);

        var run = await Post<RunResponse>(host, "run", request with { Rows = 3 });
        Assert.Equal(3, Assert.Single(run.Outputs).Rows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Files_are_listed_and_read_only_inside_the_served_folder()
    {
        await using var host = await PlaygroundHost.StartAsync(RepoPaths.Combine("examples"));
        var files = await host.Client.GetFromJsonAsync<FilesResponse>("/api/files", Json);
        Assert.Contains("school_buffers.cwf", files!.Files);

        var file = await host.Client.GetFromJsonAsync<FileResponse>("/api/file?path=school_buffers.cwf", Json);
        Assert.Equal(ExampleText("school_buffers.cwf"), file!.Text);

        foreach (var path in new[] { "../README.md", "..%2FREADME.md", "%2Fetc%2Fpasswd", "canvas/../../Compiler.sln" })
        {
            var response = await host.Client.GetAsync("/api/file?path=" + path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var refused = await response.Content.ReadFromJsonAsync<FileResponse>(Json);
            Assert.Null(refused!.Text);
            Assert.Equal("CWF8100", Assert.Single(refused.Diagnostics).Code);
        }
    }

    [Fact]
    public async Task The_page_and_its_bundle_are_served_from_the_assembly()
    {
        await using var host = await PlaygroundHost.StartAsync(RepoPaths.Combine("examples"));
        var page = await host.Client.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"app.js\">", html);
        foreach (var asset in new[] { "app.js", "app.css", "editor.worker.js" })
        {
            var response = await host.Client.GetAsync("/" + asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, asset);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/nothing.js")).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_a_reason()
    {
        await using var host = await PlaygroundHost.StartAsync(RepoPaths.Combine("examples"));
        var text = await host.Client.PostAsync("/api/check", new StringContent("{\"source\":\"x\"}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        var broken = await host.Client.PostAsync("/api/check", new StringContent("{\"source\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var empty = await host.Client.PostAsync("/api/check", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("source", await empty.Content.ReadAsStringAsync());

        // A name of another site that resolves to this machine (DNS rebinding) gets no answer.
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/files");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await host.Client.SendAsync(rebound)).StatusCode);
    }

    private static async Task<T> Post<T>(PlaygroundHost host, string endpoint, WorkflowRequest request)
    {
        var response = await host.Client.PostAsJsonAsync("/api/" + endpoint, request, Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }
}
