using System.Text.Json;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.LanguageServer;

/// <summary>
/// The language server through its real transport: <c>./cwf lsp</c> as a process, driven over standard input
/// and output by a scripted client. One test per capability, each asserting on the server's answers.
/// </summary>
[EngineTest(Engine.Cli)]
public sealed class LanguageServerProcessTests : IDisposable
{
    internal const string Catalog = """
        { "tables": [ { "name": "src.schools", "columns": [
            { "name": "school_id", "type": "int64" }, { "name": "name", "type": "string" },
            { "name": "students", "type": "int64" }, { "name": "geom", "type": "geography" } ] } ] }
        """;

    // Line numbers (0-based) below are the ones the tests point at.
    internal const string Program = """
        param min_students = 500
        source schools = table "src.schools"
        let large = schools
          | filter students > @min_students
          | derive ratio = round(students / 10)
        let zones = large
          | filter ratio > 1
          | buffer geom by 300 m
        output zones -> table "out.zones" mode replace
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("cwf-lsp").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Uri(string name, string text, bool withCatalog = true)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        if (withCatalog) File.WriteAllText(Path.Combine(_dir, "catalog.json"), Catalog);
        return new Uri(path).AbsoluteUri;
    }

    private static string[] Labels(JsonElement completion) =>
        [.. completion.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!)];

    private static JsonElement Item(JsonElement completion, string label) =>
        completion.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("label").GetString() == label);

    private static (int Line, int Character) Start(JsonElement withRange) =>
        (withRange.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(),
         withRange.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());

    [Fact]
    public async Task Initialize_announces_the_capabilities_and_shutdown_then_exit_ends_with_zero()
    {
        var (client, capabilities) = await LspClient.StartAsync();
        await using var _ = client;
        Assert.Equal(2, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.Contains("|", capabilities.GetProperty("completionProvider").GetProperty("triggerCharacters").EnumerateArray().Select(t => t.GetString()));
        foreach (var provider in new[] { "hoverProvider", "definitionProvider", "referencesProvider", "documentFormattingProvider", "documentSymbolProvider" })
            Assert.True(capabilities.GetProperty(provider).GetBoolean(), provider);
        Assert.True(capabilities.GetProperty("renameProvider").GetProperty("prepareProvider").GetBoolean());
        Assert.Contains("keyword", capabilities.GetProperty("semanticTokensProvider").GetProperty("legend").GetProperty("tokenTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_one()
    {
        var (client, _) = await LspClient.StartAsync();
        await using var __ = client;
        await client.NotifyAsync("exit", new { });
        for (int i = 0; i < 300 && !client.HasExited; i++) await Task.Delay(100);
        Assert.True(client.HasExited);
    }

    [Fact]
    public async Task Diagnostics_come_as_you_type_with_code_range_and_hint_and_go_away_when_fixed()
    {
        var uri = Uri("typing.cwf", Program);
        var (client, _) = await LspClient.StartAsync();
        await using var _c = client;
        await client.OpenAsync(uri, Program);
        Assert.Empty((await client.DiagnosticsAsync(uri)).EnumerateArray());

        // Type "studnets" over "students" on line 3 one keystroke at a time: the debounce publishes the last version.
        await client.ChangeAsync(uri, 2, 3, 11, 3, 19, "");
        int version = 2;
        foreach (var (c, i) in "studnets".Select((c, i) => (c, i)))
            await client.ChangeAsync(uri, ++version, 3, 11 + i, 3, 11 + i, c.ToString());
        var diagnostics = await client.DiagnosticsAsync(uri, version);
        var unknown = diagnostics.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "CWF2800");
        Assert.Equal(1, unknown.GetProperty("severity").GetInt32());
        Assert.Equal((3, 11), Start(unknown));
        Assert.Equal(19, unknown.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
        Assert.Contains("hint: did you mean 'students'?", unknown.GetProperty("message").GetString());

        await client.ChangeAsync(uri, ++version, 3, 11, 3, 19, "students");
        Assert.Empty((await client.DiagnosticsAsync(uri, version)).EnumerateArray());
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task The_catalog_beside_the_file_is_used_and_the_configured_dialect_adds_its_capability_diagnostics()
    {
        const string touching = """
            source a = table "s.a" { id: int64, geom: geography }
            source b = table "s.b" { geom: geography }
            let t = a | spatial_join b on touches(a.geom, b.geom)
            output t -> table "s.out"
            """;
        var plain = Uri("touch.cwf", touching);
        var missing = Uri("missing.cwf", "source s = table \"src.schoolz\"\noutput s -> table \"o.t\"\n");
        var (client, _) = await LspClient.StartAsync(new { dialect = "snowflake" });
        await using var _c = client;
        await client.OpenAsync(plain, touching);
        Assert.Contains("CWF6002", (await client.DiagnosticsAsync(plain)).EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        await client.OpenAsync(missing, File.ReadAllText(DocumentPath(missing)));
        var unknownTable = (await client.DiagnosticsAsync(missing)).EnumerateArray().Single(d => d.GetProperty("code").GetString() == "CWF2014");
        Assert.Contains("did you mean 'src.schools'?", unknownTable.GetProperty("message").GetString());

        // Without the dialect, the same workflow is fine.
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { cwf = new { dialect = "" } } });
        Assert.DoesNotContain("CWF6002", (await client.DiagnosticsAsync(plain)).EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    private static string DocumentPath(string uri) => new Uri(uri).LocalPath;

    [Fact]
    public async Task Canvas_json_diagnostics_are_at_their_json_positions()
    {
        var source = File.ReadAllText(RepoPaths.Combine("examples", "canvas", "school_buffers", "canvas.json"));
        // Without its catalog, the source node's table is unknown: reported at that JSON value.
        var broken = source;
        var uri = Uri("canvas.json", broken, withCatalog: false);
        var (client, _) = await LspClient.StartAsync();
        await using var _c = client;
        await client.OpenAsync(uri, broken);
        var diagnostics = (await client.DiagnosticsAsync(uri)).EnumerateArray().ToList();
        Assert.NotEmpty(diagnostics);
        // The error starts at the JSON value it is about.
        foreach (var (about, value) in new[] { ("src.schools", "\"src.schools\"") })
        {
            var error = diagnostics.First(d => d.GetProperty("severity").GetInt32() == 1 && d.GetProperty("message").GetString()!.Contains(about));
            var (line, character) = Start(error);
            Assert.StartsWith(value, broken.Split('\n')[line][character..]);
        }
        Assert.Equal(0, await client.ShutdownAsync());
    }
}
