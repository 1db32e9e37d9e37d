using System.Text.Json;
using CsCheck;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.LanguageServer;

/// <summary>
/// No sequence of edits makes <c>./cwf lsp</c> throw or stop answering: random incremental edits (pieces of
/// .cwf, quotes, comment starts, line breaks, ranges past the end of a line or of the text) then requests at
/// random places, on one server process; every request gets an answer and the last version gets its diagnostics.
/// </summary>
[EngineTest(Engine.Cli)]
public sealed class LanguageServerPropertyTests
{
    private static readonly string[] Pieces =
    [
        "|", " | filter ", "students", "@min_students", "\"", "'", "`", "(", ")", "{", "}", "\n", "let x = ", "-- note",
        "/*", "*/", "300 m", " derive ", "round(", "schools", "é", "\"\"\"", ", ", "=", ".", "source s = table \"", "",
    ];

    private sealed record Edit(int Line, int Character, int EndLine, int EndCharacter, string Text);

    private static readonly Gen<Edit> Edits =
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 45], Gen.Int[0, 2], Gen.Int[0, 12], Gen.OneOf(Pieces),
            (line, character, lines, length, text) => new Edit(line, character, line + lines, lines == 0 ? character + length : length, text));

    private static readonly Gen<(Edit[] Edits, int Line, int Character)> Sessions =
        Gen.Select(Edits.Array[1, 12], Gen.Int[0, 12], Gen.Int[0, 45]);

    [Fact]
    public async Task Random_edit_sequences_never_stop_the_server_from_answering()
    {
        var dir = Directory.CreateTempSubdirectory("cwf-lsp-prop").FullName;
        File.WriteAllText(Path.Combine(dir, "catalog.json"), LanguageServerProcessTests.Catalog);
        var (client, _) = await LspClient.StartAsync(new { debounceMilliseconds = 5 });
        try
        {
            int document = 0;
            await Sessions.CheckAsync(async session =>
            {
                var uri = new Uri(Path.Combine(dir, $"doc{++document}.cwf")).AbsoluteUri;
                await client.OpenAsync(uri, LanguageServerProcessTests.Program);
                int version = 1;
                foreach (var e in session.Edits)
                    await client.ChangeAsync(uri, ++version, e.Line, e.Character, e.EndLine, e.EndCharacter, e.Text);
                foreach (var method in new[] { "textDocument/completion", "textDocument/hover", "textDocument/definition", "textDocument/prepareRename" })
                    await client.AtAsync(method, uri, session.Line, session.Character);
                var plain = new { textDocument = new { uri } };
                Assert.Equal(JsonValueKind.Array, (await client.RequestAsync("textDocument/documentSymbol", plain)).ValueKind);
                Assert.Equal(JsonValueKind.Array, (await client.RequestAsync("textDocument/formatting", plain)).ValueKind);
                await client.RequestAsync("textDocument/semanticTokens/full", plain);
                var diagnostics = await client.DiagnosticsAsync(uri, version);
                Assert.DoesNotContain("CWF9001", diagnostics.EnumerateArray().Select(d => d.GetProperty("code").GetString()));
                await client.NotifyAsync("textDocument/didClose", plain);
                Assert.False(client.HasExited, await client.ErrorOutputAsync());
            }, iterations: Math.Min(TestSettings.PropertyIterations, 60),
               print: s => string.Join("\n", s.Edits.Select(e => e.ToString())) + $"\nrequests at {s.Line}:{s.Character}");
            Assert.Equal(0, await client.ShutdownAsync());
        }
        finally
        {
            await client.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }
}
