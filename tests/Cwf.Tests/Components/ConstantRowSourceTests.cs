using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Equivalence.Regressions;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Snapshots;
using Cwf.Text;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Components;

/// <summary>
/// Constant rows: the <c>values</c> source of .cwf and the canvas sources that become one
/// (<c>native.pointfromstaticlatlon</c>, <c>native.bboxfromvalues</c>, <c>native.geogfromstatictext</c>,
/// <c>native.tablefromgeojson</c>): binding and its mistakes, import, decompilation and the round trip,
/// GeoJSON reading and its mistakes, every dialect's SQL, and the rows on the interpreter and PostGIS.
/// </summary>
public class ConstantRowSourceTests
{
    private static string Spanned(string text, Diagnostic d)
    {
        var span = ((SourceLocation)d.Location).Span;
        return text.Substring(span.Start, span.Length);
    }

    private static Diagnostic Error(string text, DiagnosticDescriptor code)
    {
        var result = CwfTestKit.Compile(text);
        return Assert.Single(result.Diagnostics, d => d.Descriptor == code);
    }

    private const string Points = """
        source pts = values { id: int64 not null, name: string, score: float64, geo: geography } [
          (1, 'it''s', 2, st_geogfromtext('POINT(1 2)')),
          (2, null, 1.5, null),
        ]

        output pts -> table "out.pts" mode replace

        """;

    [Fact]
    public void A_values_source_types_its_rows_by_the_declared_columns()
    {
        var values = Assert.Single(CwfTestKit.Bind(Points).Nodes.OfType<ValuesNode>());
        Assert.Equal("id: int64 not null, name: string, score: float64, geo: geography",
            string.Join(", ", values.Schema.Columns.Select(c => $"{c.Name}: {c.Type.Name()}{(c.Nullable ? "" : " not null")}")));
        Assert.Equal(2, values.Rows.Count);
        // The integer 2 in a float64 column is the float 2.0; NULLs carry their column's type.
        Assert.Equal(Literal.Float(2), values.Rows[0][2]);
        Assert.Equal(Literal.Null(SqlType.String), values.Rows[1][1]);
        Assert.Equal(Literal.Null(SqlType.Geography), values.Rows[1][3]);
        Assert.All(values.Rows, row => Assert.Equal(values.Schema.Columns.Select(c => c.Type), row.Select(e => e.Type)));
    }

    [Fact]
    public void The_formatter_writes_one_row_per_line_and_reads_back_the_same()
    {
        var formatted = CwfFormatter.Format(SourceText.From(Points), ComponentCatalog.Default.Steps).Text;
        Assert.Equal(Points, formatted);
        var empty = "source nothing = values { id: int64 } []\n\noutput nothing -> table \"out.n\" mode replace\n";
        Assert.Equal(empty, CwfFormatter.Format(SourceText.From(empty), ComponentCatalog.Default.Steps).Text);
        Assert.Empty(Assert.Single(CwfTestKit.Bind(empty).Nodes.OfType<ValuesNode>()).Rows);
    }

    [Fact]
    public void Values_may_use_parameters_and_constant_functions()
    {
        var values = Assert.Single(CwfTestKit.Bind("param lon: float64 = 3.5\nsource p = values { geo: geography } [(st_point(@lon, 40))]\noutput p -> table \"out.p\"\n").Nodes.OfType<ValuesNode>());
        Assert.Equal("st_point(@lon, 40)", values.Rows[0][0].ToString());
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_reported_at_the_row()
    {
        var text = "source p = values { a: int64, b: string } [(1, 'x'), (2)]\noutput p -> table \"out.p\"\n";
        var error = Error(text, DiagnosticCodes.ValuesRowWidth);
        Assert.Equal("(2)", Spanned(text, error));
        Assert.Contains("1 value, but 2 columns are declared", error.Message);
        Assert.Contains("(a, b)", Assert.Single(error.Hints));
    }

    [Fact]
    public void A_value_of_another_type_or_a_null_in_a_not_null_column_is_reported_at_the_value()
    {
        var text = "source p = values { a: int64, b: string not null } [(1.5, 'x'), (2, null)]\noutput p -> table \"out.p\"\n";
        var mismatch = Error(text, DiagnosticCodes.TypeMismatch);
        Assert.Equal("1.5", Spanned(text, mismatch));
        Assert.Contains("column 'a' of 'p' is int64, but this value is float64", mismatch.Message);
        var nullValue = Error(text, DiagnosticCodes.ValuesNullNotAllowed);
        Assert.Equal("null", Spanned(text, nullValue));
    }

    [Fact]
    public void A_value_cannot_read_a_column()
    {
        var result = CwfTestKit.Compile("source p = values { a: int64 } [(x + 1)]\noutput p -> table \"out.p\"\n");
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Descriptor == DiagnosticCodes.UnknownColumn);
        Assert.Empty(result.Workflow?.Nodes.OfType<ValuesNode>() ?? []);
    }

    // ---------------------------------------------------------------------------------------
    // Canvas

    private static CanvasImportResult ImportSource(string component, params (string Name, object? Value)[] values)
    {
        var c = new TestCanvas();
        var node = c.Node(component, "Made", values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(node, save);
        return CanvasTestKit.Import(c);
    }

    /// <summary>The import round-trips (<see cref="CanvasTestKit.AssertRoundTrip(CanvasImportResult)"/>) as one <c>values</c> source.</summary>
    private static (ValuesNode Values, string Cwf) AssertRoundTrip(CanvasImportResult imported)
    {
        var text = CanvasTestKit.AssertRoundTrip(imported);
        Assert.Contains("= values {", text);
        return (Assert.Single(imported.Workflow!.Nodes.OfType<ValuesNode>()), text);
    }

    [Fact]
    public void Point_from_static_lat_lon_is_one_point_and_round_trips()
    {
        var (values, text) = AssertRoundTrip(ImportSource("native.pointfromstaticlatlon", ("lon", 106.8), ("lat", "-6.2")));
        Assert.Equal("st_point(106.8, -6.2)", Assert.Single(Assert.Single(values.Rows)).ToString());
        Assert.Equal(["geo"], values.Schema.Names);
        Assert.Contains("source made = values { geo: geography not null } [", text);
    }

    [Fact]
    public void Point_from_static_lat_lon_reads_variables_as_parameters()
    {
        var c = new TestCanvas().Variable("longitude", "Number", 106.8, isPublic: true).Variable("latitude", "Number", -6.2, isPublic: true);
        var node = c.Node("native.pointfromstaticlatlon", "Point", ("lon", "{{@longitude}}"), ("lat", "{{@latitude}}"));
        c.Flow(node, c.Node("native.saveastable", "Save", ("destination", "out.t")));
        var (values, _) = AssertRoundTrip(CanvasTestKit.Import(c));
        Assert.Equal("st_point(@longitude, @latitude)", values.Rows[0][0].ToString());
    }

    [Fact]
    public void BBox_from_values_is_one_envelope_and_round_trips()
    {
        var (values, _) = AssertRoundTrip(ImportSource("native.bboxfromvalues", ("minx", -10), ("miny", 35.5), ("maxx", 5), ("maxy", 44)));
        Assert.Equal("st_makeenvelope(-10, 35.5, 5, 44)", values.Rows[0][0].ToString());
    }

    [Fact]
    public void Geography_from_static_text_is_one_geography_and_round_trips()
    {
        var (values, _) = AssertRoundTrip(ImportSource("native.geogfromstatictext", ("text", "POLYGON((0 0, 1 0, 1 1, 0 0))")));
        Assert.Equal("st_geogfromtext('POLYGON((0 0, 1 0, 1 1, 0 0))')", values.Rows[0][0].ToString());
    }

    [Fact]
    public void Geography_from_static_GeoJSON_text_is_one_geography_and_round_trips()
    {
        // The latest manual asks for GeoJSON; the first character that is not blank decides the form.
        const string geoJson = "  {\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}";
        var (values, text) = AssertRoundTrip(ImportSource("native.geogfromstatictext", ("text", geoJson)));
        Assert.Equal(Functions.GeogFromGeoJson, Assert.IsType<Call>(values.Rows[0][0]).Function);
        Assert.Equal(Literal.String(geoJson), Assert.IsType<Call>(values.Rows[0][0]).Args[0]);
        Assert.Contains("st_geogfromgeojson(", text);
    }

    [Theory]
    [InlineData("(0 0, 1 1)", "is neither GeoJSON")]
    [InlineData("[1, 2]", "is neither GeoJSON")]
    [InlineData("{\"type\": \"Point\"", "is not a GeoJSON geometry object: it is not valid JSON")]
    [InlineData("{\"coordinates\": [1, 2]}", "it has no \"type\"")]
    [InlineData("{\"type\": \"Feature\", \"geometry\": null}", "a Feature is not a geometry")]
    [InlineData("{\"type\": \"Circle\", \"radius\": 1}", "\"Circle\" is not a GeoJSON geometry type")]
    public void Geography_text_of_neither_form_is_reported_at_the_input(string text, string message)
    {
        var error = Assert.Single(ImportSource("native.geogfromstatictext", ("text", text)).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.GeographyTextForm, error.Descriptor);
        Assert.Contains(message, error.Message);
        Assert.Equal("text", ((CanvasLocation)error.Location).Input);
        Assert.Contains("POINT(2.35 48.85)", Assert.Single(error.Hints));
    }

    [Theory]
    [InlineData("native.pointfromstaticlatlon", "lat", new object[] { "lon", 10, "lat", 95 }, "'lat' is 95")]
    [InlineData("native.pointfromstaticlatlon", "lon", new object[] { "lon", -181, "lat", 0 }, "'lon' is -181")]
    [InlineData("native.bboxfromvalues", "minx", new object[] { "minx", 10, "miny", 0, "maxx", 5, "maxy", 1 }, "'minx' (10) is greater than 'maxx' (5)")]
    [InlineData("native.bboxfromvalues", "maxy", new object[] { "minx", 0, "miny", 0, "maxx", 5, "maxy", 91 }, "'maxy' is 91")]
    public void Coordinates_out_of_range_are_reported_at_the_input(string component, string input, object[] pairs, string message)
    {
        var values = pairs.Chunk(2).Select(p => ((string)p[0], (object?)p[1])).ToArray();
        var imported = ImportSource(component, values);
        var error = Assert.Single(imported.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.CoordinateOutOfRange, error.Descriptor);
        Assert.Contains(message, error.Message);
        Assert.Equal(input, ((CanvasLocation)error.Location).Input);
    }

    // ---------------------------------------------------------------------------------------
    // GeoJSON

    private const string Features = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1.5, 2]},
           "properties": {"name": "it's \"quoted\"\ttabbed", "pop": 10, "area": 2, "open": true, "tags": ["a", 1]}},
          {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]]},
           "properties": {"name": null, "pop": 20, "area": 2.5, "open": false, "extra": {"k": "v"}}},
          {"type": "Feature", "geometry": null, "properties": {"pop": 30, "area": 1, "tags": "plain"}},
          {"type": "Feature", "geometry": {"type": "GeometryCollection", "geometries": [
             {"type": "MultiPoint", "coordinates": [[1, 1], [2, 2, 100]]}, {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}]}, "properties": null},
          {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[[[10, 10], [11, 10], [11, 11], [10, 10]]]]}}
        ]}
        """;

    [Fact]
    public void Table_from_GeoJSON_makes_a_row_per_feature_with_the_properties_types_inferred()
    {
        var (values, text) = AssertRoundTrip(ImportSource("native.tablefromgeojson", ("geojson", Features)));
        Assert.Equal("name string, pop int64, area float64, open bool, tags string, extra string, geo geography",
            string.Join(", ", values.Schema.Columns.Select(c => $"{c.Name} {c.Type.Name()}")));
        Assert.True(values.Schema.Find("geo")!.Nullable);
        Assert.Equal(5, values.Rows.Count);
        var first = values.Rows[0];
        Assert.Equal(Literal.String("it's \"quoted\"\ttabbed"), first[0]);
        Assert.Equal(Literal.Float(2), first[2]);
        Assert.Equal(Literal.String("[\"a\", 1]"), first[4]);
        Assert.Equal("st_geogfromtext('POINT (1.5 2)')", first[6].ToString());
        Assert.Equal("st_geogfromtext('POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))')", values.Rows[1][6].ToString());
        Assert.Equal(Literal.String("{\"k\": \"v\"}"), values.Rows[1][5]);
        Assert.Equal(Literal.Null(SqlType.Geography), values.Rows[2][6]);
        Assert.Equal("st_geogfromtext('GEOMETRYCOLLECTION (MULTIPOINT ((1 1), (2 2)), LINESTRING (0 0, 1 1))')", values.Rows[3][6].ToString());
        Assert.All(values.Rows[4].Take(6), v => Assert.Equal(Literal.Null(v.Type), v));
        Assert.Contains("source made = values {", text);
    }

    public static TheoryData<string, string, string> BadGeoJson => new()
    {
        { "{\"type\": \"FeatureCollection\", \"features\": [", "CWF2320", "not valid JSON (line 1" },
        { "{\"type\": \"Point\", \"coordinates\": [1, 2]}", "CWF2320", "is a \"Point\", not a FeatureCollection or a Feature" },
        { "[1, 2]", "CWF2320", "the document is not a JSON object" },
        { "{\"type\": \"FeatureCollection\"}", "CWF2320", "has no \"features\" array" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [\"a\", 2]}}]}", "CWF2320", "a position of the Point of feature 1 is not [longitude, latitude]" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[0, 0], [1, 1]]}}]}", "CWF2320", "a position of the Polygon of feature 1 is not [longitude, latitude]" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[]]}}]}", "CWF2320", "not nested as GeoJSON nests a Polygon's" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": {\"type\": \"Circle\", \"coordinates\": [0, 0]}}]}", "CWF2320", "unknown type \"Circle\"" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"Name\": 1, \"name\": 2}}]}", "CWF2322", "the properties \"Name\" and \"name\"" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"GEO\": 1}}]}", "CWF2322", "the name of the geometry column" },
        { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"\": 1}}]}", "CWF2322", "an empty name" },
    };

    [Theory]
    [MemberData(nameof(BadGeoJson))]
    public void Bad_GeoJSON_is_reported_at_the_input_never_thrown(string geojson, string code, string message)
    {
        var c = new TestCanvas();
        var node = c.Node("native.tablefromgeojson", "Drawn", ("geojson", geojson));
        c.Flow(node, c.Node("native.saveastable", "Save", ("destination", "out.t")));
        var imported = CanvasTestKit.Import(c);
        var error = Assert.Single(imported.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message);
        Assert.Contains("'drawn'", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("geojson", ((CanvasLocation)error.Location).Input);
    }

    [Fact]
    public void GeoJSON_too_large_to_inline_is_reported()
    {
        var feature = "{\"type\": \"Feature\", \"geometry\": null, \"properties\": {}}";
        var many = "{\"type\": \"FeatureCollection\", \"features\": [" + string.Join(", ", Enumerable.Repeat(feature, 10_001)) + "]}";
        var error = Assert.Single(ImportSource("native.tablefromgeojson", ("geojson", many)).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.GeoJsonTooLarge, error.Descriptor);
        Assert.Contains("10001 features", error.Message);
        var huge = "{\"type\": \"FeatureCollection\", \"features\": []" + new string(' ', 1_000_001) + "}";
        Assert.Equal(DiagnosticCodes.GeoJsonTooLarge, Assert.Single(ImportSource("native.tablefromgeojson", ("geojson", huge)).Diagnostics, d => d.IsError).Descriptor);
    }

    [Fact]
    public void A_property_name_with_a_control_character_is_reported_as_every_such_name_is()
    {
        var geojson = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"a\\u0007b\": 1}}]}";
        var imported = ImportSource("native.tablefromgeojson", ("geojson", geojson));
        Assert.Contains(imported.Diagnostics, d => d.IsError && d.Descriptor == DiagnosticCodes.ControlCharacterInName);
    }

    // ---------------------------------------------------------------------------------------
    // SQL and rows

    private const string Hostile = """
        source p = values { id: int64 not null, label: string, "we""ird name": float64, geo: geography } [
          (1, 'a''b\\c', 1.5, st_geogfromtext('POINT(1 2)')),
          (2, null, null, st_point(3, 4)),
        ]
        source nothing = values { n: int64, g: geography } []
        output p -> table "out.p" mode replace
        output nothing -> table "out.nothing" mode replace

        """;

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_writes_typed_constant_rows(string name)
    {
        var result = Compiler.Compile(CwfTestKit.Bind(Hostile), new CompileOptions(Dialects.Find(name)!) { Optimize = false });
        Assert.Empty(result.Diagnostics.Where(d => d.IsError));
        Snapshot.Match(result.Sql!, "values-" + name, "sql");
    }

    /// <summary>Both forms of geography text, each parsed by the function for its form on every dialect.</summary>
    private const string GeographyTexts = """
        source shapes = values { n: int64 not null, geo: geography not null } [
          (1, st_geogfromtext('POLYGON((0 0,2 2,2 0,0 2,0 0))')),
          (2, st_geogfromgeojson('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}')),
          (3, st_geomfromgeojson('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}')),
        ]

        output shapes -> table "out.shapes" mode replace

        """;

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_parses_geography_text_in_its_form(string name)
    {
        var result = Compiler.Compile(CwfTestKit.Bind(GeographyTexts), new CompileOptions(Dialects.Find(name)!) { Optimize = false });
        Assert.Empty(result.Diagnostics.Where(d => d.IsError));
        Snapshot.Match(result.Sql!, "geography-text-" + name, "sql");
    }

    [Fact]
    public void The_interpreter_reads_both_forms_and_reports_text_that_is_not_GeoJSON()
    {
        var run = Interpreter.Run(CwfTestKit.Bind(GeographyTexts), Database.Empty);
        Assert.True(run.Succeeded, string.Join("; ", run.Diagnostics));
        var rows = run.Outputs.Find(TableName.TryParse("out.shapes")!)!.Rows;
        // The bow tie is repaired either way, as every geography entering a workflow.
        Assert.Equal("MULTIPOLYGON (((1 1, 2 2, 2 0, 1 1)), ((0 0, 0 2, 1 1, 0 0)))", ((Geometry)rows[0][1]!).AsText());
        Assert.Equal(((Geometry)rows[0][1]!).AsText(), ((Geometry)rows[1][1]!).AsText());
        Assert.Equal("MULTIPOINT ((1 2), (3 4))", ((Geometry)rows[2][1]!).AsText());

        var broken = Interpreter.Run(CwfTestKit.Bind("""
            source s = values { geo: geography } [(st_geogfromgeojson('{"type": "Point", "coordinates": [1]}'))]
            output s -> table "out.s" mode replace
            """), Database.Empty);
        var error = Assert.Single(broken.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.RuntimeGeographyFailed, error.Descriptor);
        Assert.Contains("st_geogfromgeojson: not a GeoJSON geometry", error.Message);
    }

    [Fact]
    public void The_interpreter_evaluates_each_value_once_per_row()
    {
        var run = Interpreter.Run(CwfTestKit.Bind(Hostile), Database.Empty);
        Assert.True(run.Succeeded, string.Join("; ", run.Diagnostics));
        var rows = run.Outputs.Find(TableName.TryParse("out.p")!)!.Rows;
        Assert.Equal([1L, "a'b\\\\c", 1.5], rows[0].Take(3));
        Assert.Equal("POINT (3 4)", ((Geometry)rows[1][3]!).AsText());
        Assert.Equal(0, run.Outputs.Find(TableName.TryParse("out.nothing")!)!.Count);
    }
}

/// <summary>The constant-row sources on PostGIS give the interpreter's rows, typed as the IR types them.</summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class ConstantRowSourceExecutionTests(PostgresServer server)
{
    private static Workflow Import(string component, params (string Name, object? Value)[] values)
    {
        var c = new TestCanvas();
        var node = c.Node(component, "Made", values);
        c.Flow(node, c.Node("native.saveastable", "Save", ("destination", "out")));
        var imported = CanvasTestKit.Import(c);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        return imported.Workflow!;
    }

    [Fact]
    public Task Table_from_GeoJSON_with_hostile_text()
    {
        var geojson = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1.5, 2]}, "properties": {"it's \"name\"": "a'b\"c\\d\n\te -- /* x */ $$ $tag$", "n": 1}},
              {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 0]]]}, "properties": {"n": 2.5, "flag": true}},
              {"type": "Feature", "geometry": null, "properties": {"flag": false}}
            ]}
            """;
        return RegressionCase.Of(Import("native.tablefromgeojson", ("geojson", geojson)))
            .Expect("out", RowSet.Of(["it's \"name\"", "n", "flag", "geo"],
                ["a'b\"c\\d\n\te -- /* x */ $$ $tag$", 1.0, null, RowSet.Geo("POINT(1.5 2)")],
                [null, 2.5, true, RowSet.Geo("POLYGON((0 0,4 0,4 4,0 0))")],
                [null, null, false, null]))
            .AssertPostgresAsync(server);
    }

    [Fact]
    public async Task The_single_geography_sources()
    {
        await RegressionCase.Of(Import("native.pointfromstaticlatlon", ("lon", 106.8), ("lat", -6.2)))
            .Expect("out", RowSet.Of(["geo"], [RowSet.Geo("POINT(106.8 -6.2)")])).AssertPostgresAsync(server);
        await RegressionCase.Of(Import("native.bboxfromvalues", ("minx", -10), ("miny", 35), ("maxx", 5), ("maxy", 44)))
            .Expect("out", RowSet.Of(["geo"], [RowSet.Geo("POLYGON((-10 35,-10 44,5 44,5 35,-10 35))")])).AssertPostgresAsync(server);
        await RegressionCase.Of(Import("native.geogfromstatictext", ("text", "LINESTRING(0 0, 1 1)")))
            .Expect("out", RowSet.Of(["geo"], [RowSet.Geo("LINESTRING(0 0,1 1)")])).AssertPostgresAsync(server);
        await RegressionCase.Of(Import("native.geogfromstatictext", ("text", "{\"type\": \"LineString\", \"coordinates\": [[0, 0], [1, 1]]}")))
            .Expect("out", RowSet.Of(["geo"], [RowSet.Geo("LINESTRING(0 0,1 1)")])).AssertPostgresAsync(server);
        // An invalid GeoJSON polygon is repaired on PostGIS as in process (the bow tie's two triangles).
        await RegressionCase.Of(Import("native.geogfromstatictext", ("text", "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}")))
            .Expect("out", RowSet.Of(["geo"], [RowSet.Geo("MULTIPOLYGON(((1 1,2 2,2 0,1 1)),((0 0,0 2,1 1,0 0)))")])).AssertPostgresAsync(server);
    }

    [Fact]
    public Task Values_without_rows_keep_their_column_types()
    {
        var text = "source nothing = values { n: int64, s: string, x: float64, g: geography } []\noutput nothing -> table \"out\" mode replace\n";
        return RegressionCase.Of(CwfTestKit.Bind(text)).Expect("out", RowSet.Of(["n", "s", "x", "g"])).AssertPostgresAsync(server);
    }
}
