using Cwf.Canvas;
using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Snapshots;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.importurl</c> as the CARTO Analytics Toolbox's <c>IMPORT_URL</c>: the real export's node
/// (canvases/importurl.json, copied unchanged) imports as a source that calls the procedure and round-trips through the
/// <c>import</c> source; its columns are open unless declared (<c>returns</c>, or the node's <c>data.schema</c>); it
/// compiles on Snowflake and Redshift to a drop and the call, CWF6002 elsewhere; the URL and the credentials reach the SQL
/// only inside string literals, the credentials from the compilation (else NULL); each mistake has its code (CWF2877 to
/// CWF2879), and a run in process is refused by name (CWF7800).
/// </summary>
public class ImportUrlComponentTests
{
    private const string ExportUrl = "https://environment.data.gov.uk/flood-monitoring/id/floods.csv";

    private const string Program = """
        source floods = import "https://example.com/data/floods.csv" { autoguessing: false } returns { id: string, severity: int64, geom: geography }
        output floods | filter severity > 2 -> table "analytics.flood.severe"
        """;

    private static CanvasImportResult ImportExport() =>
        CanvasTestKit.Import(File.ReadAllText(Path.Combine(CanvasTestKit.RepoRoot, "tests", "Cwf.Tests", "Components", "canvases", "importurl.json")));

    private static CompilationResult Compile(string program, string dialect, CartoCredentials? carto = null) =>
        Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(program, allowWarnings: true),
            new CompileOptions(Dialects.Find(dialect)!) { Carto = carto ?? CartoCredentials.None });

    [Fact]
    public void The_export_node_imports_as_a_source_that_calls_IMPORT_URL_and_round_trips()
    {
        var imported = ImportExport();
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        Assert.DoesNotContain(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.OpaqueComponent);
        // Its columns are the file's, which no export lists: later columns are not checked, and a warning says so.
        Assert.Contains(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.UncheckedSchema && d.Message.Contains("known only when it runs", StringComparison.Ordinal));
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("native.importurl", step.Component);
        Assert.Empty(step.Sources);
        Assert.True(step.Schema.IsOpen);
        Assert.Equal("IMPORT_URL", step.Call!.Procedure);
        Assert.Equal(["snowflake", "redshift"], step.Call.Signatures.Select(s => s.Warehouse));
        // The product's own SQL for this node (the export's procedure): the same arguments in the same order.
        Assert.Equal($"'{ExportUrl}', connection, output, '{{\"autoguessing\": true}}', api_base_url, api_access_token",
            string.Join(", ", step.Call.For("snowflake")!.Arguments));

        var text = CanvasTestKit.AssertRoundTrip(imported);
        Assert.Contains($"source import_from_url = import \"{ExportUrl}\"\n", text);
    }

    [Fact]
    public void The_export_compiles_for_Snowflake_to_a_drop_and_the_call()
    {
        var result = Compiler.Compile(ImportExport().Workflow!, new CompileOptions(Dialects.Find("snowflake")!));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var sql = result.Sql!;
        int drop = sql.IndexOf("DROP TABLE IF EXISTS ANALYTICS.FLOODS.cwf_import_from_url;", StringComparison.Ordinal);
        int call = sql.IndexOf("CALL CARTO.CARTO.IMPORT_URL(", StringComparison.Ordinal);
        Assert.True(drop >= 0 && call > drop, sql);
        Assert.Contains("SELECT *\nFROM ANALYTICS.FLOODS.cwf_import_from_url;", sql);
        Snapshot.Match(sql, "importurl-export-snowflake", "sql");
    }

    [Fact]
    public void A_node_that_declares_its_columns_gives_them_to_the_next_steps_and_decompiles_them_with_returns()
    {
        var c = new TestCanvas();
        var node = c.Node("native.importurl", "Import from URL", ("url", ExportUrl), ("autoguessing", false));
        var json = c.Flow(node, c.Node("native.saveastable", "Save", ("destination", "out.floods"))).ToJson()
            .Replace("\"name\": \"native.importurl\",", "\"name\": \"native.importurl\", \"schema\": [{ \"name\": \"severity\", \"type\": \"int64\" }],", StringComparison.Ordinal);
        Assert.True(json.Contains("\"schema\"", StringComparison.Ordinal), json);
        var imported = CanvasImporter.Import(SourceText.From(json, "t.json"), null, ComponentCatalog.Default);
        Assert.DoesNotContain(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.UncheckedSchema);
        var step = Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal(["severity"], step.Schema.Names);
        var text = CanvasTestKit.AssertRoundTrip(imported);
        Assert.True(text.Contains($"= import \"{ExportUrl}\" {{ autoguessing: false }} returns {{\n  severity: int64,\n}}", StringComparison.Ordinal), text);
    }

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_calls_the_procedure_or_names_the_warehouse(string name) =>
        ExternalServiceComponentTests.AssertCalledOrRefused(Program, name, ["snowflake", "redshift"], "IMPORT_URL", "importurl");

    [Fact]
    public void Elsewhere_the_hint_says_to_load_the_file_and_read_the_table()
    {
        var error = Assert.Single(Compile(Program, "bigquery").Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.FunctionNotSupported, error.Descriptor);
        Assert.Contains("only on Snowflake, Amazon Redshift", error.Message);
        Assert.Contains(error.Hints, h => h.Contains("source name = table", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_credentials_the_call_passes_NULL_and_with_them_string_literals()
    {
        var without = Compile(Program, "redshift");
        Assert.Contains("'{\"autoguessing\": false}',\n  NULL,\n  NULL\n);", without.Sql);

        var with = Compile(Program, "redshift", new CartoCredentials("https://gcp-us-east1.api.carto.com", "eyJ.token"));
        Assert.DoesNotContain(with.Diagnostics, d => d.IsError);
        Assert.Contains("'{\"autoguessing\": false}',\n  'https://gcp-us-east1.api.carto.com',\n  'eyJ.token'\n);", with.Sql);
    }

    /// <summary>
    /// The connection argument is the CARTO connection's name (a product export passes <c>'dvicente_shareddb'</c>): the
    /// compilation's, through the dialect's quoting, else the warehouse's name; a blank one is CWF2880.
    /// </summary>
    [Theory]
    [InlineData("snowflake", "dvicente_shareddb", "'dvicente_shareddb'")]
    [InlineData("snowflake", "team's dw", @"'team\'s dw'")]
    [InlineData("redshift", "team's dw", "'team''s dw'")]
    [InlineData("snowflake", null, "'snowflake'")]
    [InlineData("redshift", null, "'redshift'")]
    public void The_connection_argument_is_the_given_CARTO_connection_else_the_warehouse(string dialect, string? connection, string written)
    {
        var result = Compile(Program, dialect, CartoCredentials.None with { Connection = connection });
        Assert.False(result.Diagnostics.Any(d => d.IsError), string.Join("\n", result.Diagnostics));
        Assert.Matches($@"IMPORT_URL\(\n  '[^\n]*',\n  {System.Text.RegularExpressions.Regex.Escape(written)},\n", result.Sql);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" shared")]
    public void A_blank_connection_name_is_CWF2880_with_a_hint(string connection)
    {
        var error = Assert.Single(Compile(Program, "snowflake", CartoCredentials.None with { Connection = connection }).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.CartoConnection, error.Descriptor);
        Assert.Contains("cannot call IMPORT_URL: the CARTO connection name is empty", error.Message);
        Assert.Contains(error.Hints, h => h.Contains("--carto-connection", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("snowflake", @"x\');DROP/**/TABLE/**/t;--")]
    [InlineData("redshift", "x'');DROP/**/TABLE/**/t;--")]
    public void A_hostile_url_or_token_stays_inside_string_literals(string dialect, string escaped)
    {
        const string Attack = "x');DROP/**/TABLE/**/t;--";
        var hostile = Program.Replace("https://example.com/data/floods.csv", "https://example.com/a.csv?q=" + Attack, StringComparison.Ordinal);
        var result = Compile(hostile, dialect, new CartoCredentials("https://gcp-us-east1.api.carto.com", Attack));
        Assert.False(result.Diagnostics.Any(d => d.IsError), string.Join("\n", result.Diagnostics));
        Assert.Contains($"  'https://example.com/a.csv?q={escaped}',\n", result.Sql);
        Assert.Contains($"  '{escaped}'\n);", result.Sql);
    }

    [Theory]
    [InlineData("https://gcp-us-east1.api.carto.com", null, "without an access token", "--carto-token")]
    [InlineData(null, "eyJ.token", "without the API base URL", "--carto-api-url")]
    [InlineData("http://gcp-us-east1.api.carto.com", "eyJ.token", "is not an https address", "Developers")]
    [InlineData("https://gcp-us-east1.api.carto.com", "eyJ token", "empty or holds blanks", "whole token")]
    public void A_missing_or_malformed_credential_is_CWF2879_with_a_hint_and_never_shows_the_token(string? url, string? token, string message, string hint)
    {
        var error = Assert.Single(Compile(Program, "snowflake", new CartoCredentials(url, token)).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.CartoCredentials, error.Descriptor);
        Assert.StartsWith("Step 'floods' (native.importurl) cannot call IMPORT_URL: ", error.Message);
        Assert.Contains(message, error.Message);
        Assert.Contains(error.Hints, h => h.Contains(hint, StringComparison.Ordinal));
        if (token is not null) Assert.DoesNotContain(token, error.ToString());
    }

    [Fact]
    public void Credentials_matter_only_to_a_workflow_that_imports() =>
        Assert.DoesNotContain(Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok("source t = table \"a.b\" { x: int64 }\noutput t -> table \"a.c\""),
            new CompileOptions(Dialects.Find("snowflake")!) { Carto = new CartoCredentials(null, "eyJ.token") }).Diagnostics, d => d.IsError);

    [Theory]
    [InlineData("ftp://example.com/floods.csv")]
    [InlineData("floods.csv")]
    [InlineData("")]
    [InlineData(" https://example.com/floods.csv")]
    public void A_url_that_is_not_an_http_address_is_CWF2877_at_the_url(string url)
    {
        var program = Program.Replace("https://example.com/data/floods.csv", url, StringComparison.Ordinal);
        var error = Assert.Single(Cwf.Tests.Binding.Compilation.Errors(program));
        Assert.Equal(DiagnosticCodes.ImportUrl, error.Descriptor);
        Assert.Equal("1:24", Cwf.Tests.Binding.Compilation.Position(error));
    }

    [Theory]
    [InlineData("{ autoguess: false }", "'import' has no option 'autoguess'")]
    [InlineData("{ autoguessing: 'no' }", "'autoguessing' must be true or false")]
    [InlineData("{ autoguessing: true, autoguessing: false }", "'autoguessing' is given twice")]
    public void An_unknown_or_wrong_option_is_CWF2878(string options, string message)
    {
        var error = Assert.Single(Cwf.Tests.Binding.Compilation.Errors(Program.Replace("{ autoguessing: false }", options, StringComparison.Ordinal)));
        Assert.Equal(DiagnosticCodes.ImportOption, error.Descriptor);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Without_returns_the_columns_are_open_and_a_warning_says_they_are_not_checked()
    {
        var result = Cwf.Tests.Binding.Compilation.Compile("""
            source floods = import "https://example.com/floods.csv"
            output floods | filter severity > 2 -> table "a.severe"
            """);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UncheckedSchema, warning.Descriptor);
        Assert.Contains(warning.Hints, h => h.Contains("returns", StringComparison.Ordinal));
    }

    [Fact]
    public void With_returns_an_undeclared_column_is_an_unknown_column()
    {
        var errors = Cwf.Tests.Binding.Compilation.Errors(Program.Replace("severity > 2", "level > 2", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Message.Contains("'level'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("source floods = import \"https://example.com/f.csv\"")]
    [InlineData("source floods = import \"https://example.com/f.csv\" { autoguessing: false }")]
    [InlineData("source floods = import \"https://example.com/f.csv\" returns { id: string, n: int64 }")]
    public void The_formatter_writes_the_import_source_back_as_it_reads_it(string statement)
    {
        var text = statement + "\n";
        Assert.Equal(text, CwfFormatter.Format(SourceText.From(text), ComponentCatalog.Default.Steps).Text);
    }

    [Fact]
    public void A_single_query_cannot_call_the_procedure()
    {
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program), new CompileOptions(Dialects.Find("snowflake")!) { Mode = EmitMode.Query });
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.EmitModeNotSupported && d.Message.Contains("IMPORT_URL", StringComparison.Ordinal));
    }

    [Fact]
    public void The_component_is_no_longer_listed_as_uncompiled() =>
        Assert.Null(UncompiledComponents.Reason(ImportUrlComponent.ComponentId));

    [Fact]
    public void A_run_in_process_is_refused_by_name_before_anything_runs() =>
        ExternalServiceComponentTests.AssertRefusedInProcess(Program, "native.importurl", "IMPORT_URL");
}
