using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
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
/// The H3 and Quadbin components of issue 17 (<c>native.h3center</c>, <c>native.quadbinfrompoint</c>,
/// <c>native.quadbinboundary</c>, <c>native.quadbincenter</c>): canvas import with the export's input names,
/// the decompiled generic step, the round trip, every dialect's SQL or its precise CWF6002, and the SQL of
/// all seven dialects pinned.
/// </summary>
public class SpatialIndexComponentTests
{
    private static readonly string[] Columns = ["id:int64", "geom:geography", "h3:string", "quadbin:int64"];

    public static TheoryData<string, (string, object?)[], string, string> Components() => new()
    {
        { "native.h3center", [("h3col", "h3")], "h3_center h3", "h3_center = h3_center(h3)" },
        { "native.quadbinfrompoint", [("pointscol", "geom"), ("resolution", 12)], "quadbin geom, 12", "quadbin = quadbin_from_point(geom, 12)" },
        { "native.quadbinboundary", [("quadbin", "quadbin")], "quadbin_boundary quadbin", "quadbin_geo = quadbin_boundary(quadbin)" },
        { "native.quadbincenter", [("quadbin", "quadbin")], "quadbin_center quadbin", "quadbin_center = quadbin_center(quadbin)" },
    };

    private static CanvasImportResult Import(string component, (string, object?)[] values, string[]? columns = null) =>
        CanvasTestKit.ImportStep(component, columns ?? Columns, values);

    [Theory]
    [MemberData(nameof(Components))]
    public void A_canvas_node_imports_decompiles_and_round_trips(string component, (string, object?)[] values, string step, string column) =>
        // The quadbin step adds the column quadbin, so its source has none.
        ComponentStepAssert.RoundTrips(Import(component, values, component == "native.quadbinfrompoint" ? ["id:int64", "geom:geography", "h3:string"] : null), step, column);

    [Theory]
    [MemberData(nameof(Components))]
    public void Every_dialect_compiles_the_component_or_names_what_it_lacks(string component, (string, object?)[] values, string step, string column)
    {
        _ = (step, column);
        // DuckDB and Trino lack Quadbin (no toolbox edition) and Trino lacks H3.
        ComponentStepAssert.CompilesOrNamesWhatItLacks(Import(component, values).Workflow!, d => d.Name is "duckdb" or "trino");
    }

    private const string Program = """
        source t = table "src.t" { id: int64, geom: geography, h3: string }
        output t
          | h3_center h3
          | quadbin geom, 12
          | quadbin_boundary quadbin
          | quadbin_center quadbin as middle
          | derive r = h3_resolution(h3), v = h3_is_valid(h3), p = h3_to_parent(h3, 3),
                   z = quadbin_resolution(quadbin), up = quadbin_to_parent(quadbin, 4)
          -> table "out.t"
        """;

    private static Workflow Bound() => CwfTestKit.Bind(Program);

    [Theory]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("redshift")]
    [InlineData("databricks")]
    [InlineData("postgres")]
    [InlineData("duckdb")]
    [InlineData("trino")]
    public void The_translation_of_every_spatial_index_function_is_pinned_per_dialect(string dialectName)
    {
        var result = Compiler.Compile(Bound(), new CompileOptions(Dialects.Find(dialectName)!) { Optimize = false });
        var text = result.Sql ?? "-- no SQL\n";
        text += string.Concat(result.Diagnostics.Where(d => d.Descriptor.Code.StartsWith("CWF60", StringComparison.Ordinal) && d.Descriptor.Code != "CWF6041")
            .Select(d => $"-- {d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}\n"));
        Snapshot.Match(text, "spatial-index-" + dialectName, "sql");
    }

    [Fact]
    public void The_toolbox_location_reaches_the_SQL_only_quoted_and_is_named_once_in_a_warning()
    {
        var hostile = TableName.TryParseSchemaPath("\"x`; DROP TABLE t; --\".`carto\"y`")!;
        Assert.Equal(["x`; DROP TABLE t; --", "carto\"y"], hostile.Parts);
        foreach (var (name, expected) in new[]
                 {
                     ("bigquery", "`x\\`; DROP TABLE t; --`.`carto\"y`.QUADBIN_FROMGEOGPOINT("),
                     ("snowflake", "\"x`; DROP TABLE t; --\".\"carto\"\"y\".QUADBIN_FROMGEOGPOINT("),
                     ("postgres", "\"x`; DROP TABLE t; --\".\"carto\"\"y\".QUADBIN_FROMGEOGPOINT("),
                 })
        {
            var result = Compiler.Compile(Bound(), new CompileOptions(Dialects.Find(name)!) { Toolbox = hostile });
            Assert.Contains(expected, result.Sql);
            // The location appears in the SQL only as those quoted identifiers, and in comments.
            var prefix = expected[..expected.LastIndexOf('.')];
            var lines = result.Sql!.Split('\n').Where(l => l.Contains("DROP TABLE t", StringComparison.Ordinal));
            Assert.All(lines, l => Assert.True(l.TrimStart().StartsWith("--", StringComparison.Ordinal) || l.Contains(prefix + ".", StringComparison.Ordinal), l));
            var warning = Assert.Single(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.RequiresExtension && d.Message.Contains("Analytics Toolbox", StringComparison.Ordinal));
            Assert.Contains("--toolbox", string.Join(" ", warning.Hints));
        }
    }

    [Fact]
    public void Each_warehouse_has_its_documented_default_toolbox_location()
    {
        string Prefix(string dialect) => Dialects.Find(dialect)!.DefaultToolbox is { } t ? Dialects.Find(dialect)!.ToolboxPrefix(t) : "(none)";
        Assert.Equal("`carto-un`.carto", Prefix("bigquery"));
        Assert.Equal("CARTO.CARTO", Prefix("snowflake"));
        Assert.Equal("carto", Prefix("redshift"));
        Assert.Equal("carto", Prefix("databricks"));
        Assert.Equal("carto", Prefix("postgres"));
        Assert.Equal("(none)", Prefix("duckdb"));
        Assert.Equal("(none)", Prefix("trino"));
        var sql = Compiler.Compile(Bound(), new CompileOptions(Dialects.Find("bigquery")!) { Toolbox = TableName.TryParseSchemaPath("carto-un-eu.carto") }).Sql!;
        Assert.Contains("`carto-un-eu`.carto.QUADBIN_FROMGEOGPOINT(", sql);
        Assert.Contains("`carto-un-eu`.carto.H3_CENTER(", sql);
        Assert.DoesNotContain("`carto-un`.", sql);
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("\"unclosed")]
    [InlineData("a\nb")]
    public void A_toolbox_location_is_one_or_two_names(string text) => Assert.Null(TableName.TryParseSchemaPath(text));

    [Fact]
    public void The_catalog_may_name_the_toolbox_and_a_bad_one_is_reported_at_its_path()
    {
        var (catalog, diagnostics) = CatalogFile.Parse(SourceText.From("""{ "toolbox": "my-project.carto", "tables": [] }""", "c.json"));
        Assert.Empty(diagnostics);
        Assert.Equal(["my-project", "carto"], catalog.Toolbox!.Parts);
        var (bad, problems) = CatalogFile.Parse(SourceText.From("""{ "toolbox": 3, "tables": [] }""", "c.json"));
        Assert.Null(bad.Toolbox);
        var problem = Assert.Single(problems);
        Assert.Equal(DiagnosticCodes.CatalogInvalidEntry, problem.Descriptor);
        Assert.Contains("/toolbox", problem.Location.ToString());
    }

    [Theory]
    [InlineData("quadbin geom, 27", "2:26 CWF2900", "the Quadbin resolution must be an integer from 0 to 26")]
    [InlineData("quadbin h3, 4", "2:20 CWF2801", "column 'h3' is string, but a geography column is expected here")]
    [InlineData("quadbin_boundary h3", "2:29 CWF2801", "an int64 column of Quadbin cells")]
    [InlineData("h3_center quadbin", "2:22 CWF2801", "a string column of H3 cell ids")]
    public void Mistakes_in_a_spatial_index_step_are_reported_at_the_value(string step, string expected, string message)
    {
        CwfTestKit.AssertSingleError(CwfTestKit.Pipeline("geom: geography, h3: string, quadbin: int64", step), expected, message);
    }
}
