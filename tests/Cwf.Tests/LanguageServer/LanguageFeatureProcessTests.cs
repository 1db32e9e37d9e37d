using System.Text.Json;
using Cwf.Formatting;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.LanguageServer;

/// <summary>
/// Completion, hover, definition, references, rename, formatting, symbols, semantic tokens and code actions
/// of <c>./cwf lsp</c>, over its real transport, on <see cref="LanguageServerProcessTests.Program"/>.
/// </summary>
[EngineTest(Engine.Cli)]
public sealed class LanguageFeatureProcessTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cwf-lsp").FullName;
    private LspClient _client = null!;
    private string _uri = "";

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_dir, "catalog.json"), LanguageServerProcessTests.Catalog);
        var path = Path.Combine(_dir, "schools.cwf");
        File.WriteAllText(path, LanguageServerProcessTests.Program);
        _uri = new Uri(path).AbsoluteUri;
        (_client, _) = await LspClient.StartAsync();
        await _client.OpenAsync(_uri, LanguageServerProcessTests.Program);
        Assert.Empty((await _client.DiagnosticsAsync(_uri)).EnumerateArray());
    }

    public async Task DisposeAsync()
    {
        try
        {
            Assert.Equal(0, await _client.ShutdownAsync());
        }
        finally
        {
            await _client.DisposeAsync();
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static string[] Labels(JsonElement completion) =>
        [.. completion.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!)];

    private static string? Detail(JsonElement completion, string label) =>
        completion.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("label").GetString() == label).GetProperty("detail").GetString();

    private static (int, int) Start(JsonElement located) =>
        (located.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(),
         located.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());

    // The only code action at a position, and its only edit.
    private async Task<(JsonElement Fix, JsonElement Change)> SingleFixAsync(int line, int character, JsonElement published)
    {
        var actions = await _client.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = _uri },
            range = LspClient.Range(line, character, line, character),
            context = new { diagnostics = published },
        });
        var fix = Assert.Single(actions.EnumerateArray());
        return (fix, Assert.Single(fix.GetProperty("edit").GetProperty("changes").GetProperty(_uri).EnumerateArray()));
    }

    private static string Hover(JsonElement hover) => hover.GetProperty("contents").GetProperty("value").GetString()!;

    [Fact]
    public async Task Completion_offers_steps_after_a_pipe_columns_with_types_tables_units_and_parameters()
    {
        // A new step being typed after the derive: the text does not parse, the columns are still known.
        await _client.ChangeAsync(_uri, 2, 4, 39, 4, 39, "\n  | ");
        var steps = Labels(await _client.AtAsync("textDocument/completion", _uri, 5, 4));
        Assert.Contains("filter", steps);
        Assert.Contains("buffer", steps);
        Assert.DoesNotContain("students", steps);

        await _client.ChangeAsync(_uri, 3, 5, 4, 5, 4, "filter st");
        var columns = await _client.AtAsync("textDocument/completion", _uri, 5, 13);
        var labels = Labels(columns);
        Assert.Equal(["school_id", "name", "students", "geom", "ratio"], labels.Take(5));
        Assert.Equal("int64", Detail(columns, "students"));
        Assert.Equal("geography", Detail(columns, "geom"));
        Assert.Contains("round", labels);
        Assert.StartsWith("round(numeric", Detail(columns, "round"));
        Assert.Contains("@min_students", labels);

        await _client.ChangeAsync(_uri, 4, 5, 4, 5, 13, "");
        var tables = Labels(await _client.AtAsync("textDocument/completion", _uri, 1, 27));
        Assert.Equal(["src.schools"], tables);
        var units = Labels(await _client.AtAsync("textDocument/completion", _uri, 8, 24));
        Assert.Contains("km", units);
        Assert.Contains("mi", units);
        var parameters = Labels(await _client.AtAsync("textDocument/completion", _uri, 3, 24));
        Assert.Equal(["min_students"], parameters);
    }

    [Fact]
    public async Task Hover_shows_the_schema_out_of_a_step_a_column_type_a_function_signature_and_a_diagnostic_explanation()
    {
        var step = Hover(await _client.AtAsync("textDocument/hover", _uri, 4, 5));
        Assert.Contains("5 columns", step);
        Assert.Contains("| ratio |", step);
        var column = Hover(await _client.AtAsync("textDocument/hover", _uri, 3, 13));
        Assert.Contains("column **students**: `int64`", column);
        var function = Hover(await _client.AtAsync("textDocument/hover", _uri, 4, 20));
        Assert.Contains("round(numeric, [integer]) → type of the first argument", function);
        Assert.Contains("| dialect | written |", function);
        Assert.Contains("| postgres | `", function);
        Assert.Contains("| trino | `", function);
        var relation = Hover(await _client.AtAsync("textDocument/hover", _uri, 5, 13));
        Assert.Contains("**large**: 5 columns", relation);

        await _client.ChangeAsync(_uri, 2, 3, 11, 3, 19, "studnets");
        await _client.DiagnosticsAsync(_uri, 2);
        var explained = Hover(await _client.AtAsync("textDocument/hover", _uri, 3, 13));
        Assert.Contains("**CWF2800** unknown column 'studnets'", explained);
        Assert.Contains("**CWF2800: Unknown column", explained);
    }

    [Fact]
    public async Task Definition_goes_to_lets_sources_parameters_and_the_step_that_introduced_a_column()
    {
        async Task<(int, int)> DefinitionAt(int line, int character)
        {
            var found = await _client.AtAsync("textDocument/definition", _uri, line, character);
            var location = Assert.Single(found.EnumerateArray());
            Assert.Equal(_uri, location.GetProperty("uri").GetString());
            return Start(location);
        }

        Assert.Equal((2, 4), await DefinitionAt(5, 13));   // large
        Assert.Equal((1, 7), await DefinitionAt(2, 14));   // schools
        Assert.Equal((0, 6), await DefinitionAt(3, 25));   // @min_students
        Assert.Equal((4, 11), await DefinitionAt(6, 12));  // ratio: the derive that adds it
        Assert.Equal((1, 7), await DefinitionAt(7, 12));   // geom: from the catalog's table, through large
    }

    [Fact]
    public async Task References_and_rename_cover_every_use_of_a_let_and_a_parameter()
    {
        var references = await _client.RequestAsync("textDocument/references",
            new { textDocument = new { uri = _uri }, position = new { line = 2, character = 5 }, context = new { includeDeclaration = true } });
        Assert.Equal([(2, 4), (5, 12)], references.EnumerateArray().Select(Start).ToArray());

        var prepared = await _client.AtAsync("textDocument/prepareRename", _uri, 3, 26);
        Assert.Equal("min_students", prepared.GetProperty("placeholder").GetString());
        Assert.Equal((3, 23), Start(prepared));

        var edit = await _client.RequestAsync("textDocument/rename",
            new { textDocument = new { uri = _uri }, position = new { line = 0, character = 8 }, newName = "threshold" });
        var edits = edit.GetProperty("changes").GetProperty(_uri).EnumerateArray()
            .Select(e => (Start(e), e.GetProperty("newText").GetString())).ToArray();
        Assert.Equal([((0, 6), "threshold"), ((3, 22), "@threshold")], edits);

        var refused = await _client.RequestAsync("textDocument/rename",
            new { textDocument = new { uri = _uri }, position = new { line = 2, character = 5 }, newName = "filter" });
        Assert.Equal(JsonValueKind.Null, refused.ValueKind);
    }

    [Fact]
    public async Task References_of_a_column_are_the_names_bound_where_it_was_introduced()
    {
        async Task<(int, int)[]> ReferencesAt(int line, int character, bool includeDeclaration) =>
            [.. (await _client.RequestAsync("textDocument/references",
                new { textDocument = new { uri = _uri }, position = new { line, character }, context = new { includeDeclaration } }))
                .EnumerateArray().Select(Start)];

        Assert.Equal([(4, 11), (6, 11)], await ReferencesAt(6, 13, includeDeclaration: true));   // ratio, from its use in another let
        Assert.Equal([(6, 11)], await ReferencesAt(4, 12, includeDeclaration: false));           // ratio, from where derive writes it
        Assert.Equal([(1, 7), (3, 11), (4, 25)], await ReferencesAt(3, 12, includeDeclaration: true)); // students: the catalog's, through the source
    }

    [Fact]
    public async Task A_unit_written_as_a_word_is_a_quick_fix_to_the_unit()
    {
        await _client.ChangeAsync(_uri, 2, 7, 23, 7, 24, "meters");
        var published = await _client.DiagnosticsAsync(_uri, 2);
        var problem = Assert.Single(published.EnumerateArray());
        Assert.Equal("CWF1001", problem.GetProperty("code").GetString());
        Assert.EndsWith("hint: did you mean 'm'?", problem.GetProperty("message").GetString());
        var (fix, change) = await SingleFixAsync(7, 25, published);
        Assert.Equal("Change 'meters' to 'm'", fix.GetProperty("title").GetString());
        Assert.Equal("m", change.GetProperty("newText").GetString());
        Assert.Equal((7, 23), Start(change));
    }

    [Fact]
    public async Task Formatting_gives_the_cwf_fmt_layout_and_symbols_and_tokens_describe_the_file()
    {
        const string messy = "param min_students=500\nsource schools = table \"src.schools\"\nlet large=schools|filter students>@min_students\noutput large -> table \"o.t\"\n";
        await _client.ReplaceAllAsync(_uri, 2, messy);
        var edits = await _client.RequestAsync("textDocument/formatting", new { textDocument = new { uri = _uri }, options = new { tabSize = 2, insertSpaces = true } });
        var edit = Assert.Single(edits.EnumerateArray());
        Assert.Equal(CwfFormatter.Format(messy), edit.GetProperty("newText").GetString());

        var symbols = await _client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = _uri } });
        Assert.Equal([("min_students", 14), ("schools", 5), ("large", 13), ("o.t", 2)],
            symbols.EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("kind").GetInt32())).ToArray());

        var tokens = (await _client.RequestAsync("textDocument/semanticTokens/full", new { textDocument = new { uri = _uri } }))
            .GetProperty("data").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        Assert.Equal(0, tokens.Length % 5);
        Assert.Equal([0, 0, 5, 0, 0], tokens[..5]);  // param: a keyword at 0:0, five characters
        Assert.Equal([0, 6, 12, 1, 0], tokens[5..10]); // min_students: a name
    }

    [Fact]
    public async Task A_did_you_mean_hint_is_a_quick_fix()
    {
        await _client.ChangeAsync(_uri, 2, 3, 11, 3, 19, "studnets");
        var published = await _client.DiagnosticsAsync(_uri, 2);
        var (fix, change) = await SingleFixAsync(3, 12, published);
        Assert.Equal("Change 'studnets' to 'students'", fix.GetProperty("title").GetString());
        Assert.Equal("quickfix", fix.GetProperty("kind").GetString());
        Assert.Equal("students", change.GetProperty("newText").GetString());
        Assert.Equal((3, 11), Start(change));
    }
}
