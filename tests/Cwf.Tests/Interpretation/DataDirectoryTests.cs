using Cwf.Diagnostics;
using Cwf.Interpretation;
using Cwf.Interpretation.Data;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using static Cwf.Tests.Interpretation.Harness;

namespace Cwf.Tests.Interpretation;

/// <summary>Data files: every type round-trips through every format; malformed files are diagnostics at the right place.</summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cwf-data-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static readonly Schema AllTypes = Schema(
        ("id", SqlType.Int64), ("ratio", SqlType.Float64), ("amount", SqlType.Decimal), ("name", SqlType.String),
        ("ok", SqlType.Bool), ("day", SqlType.Date), ("at", SqlType.Timestamp), ("geom", SqlType.Geography), ("area", SqlType.Geography));

    private static Table Sample() => Table(AllTypes,
        [1L, 0.1, 1.50m, "plain", true, new DateOnly(2024, 2, 29), new DateTime(2024, 2, 29, 10, 20, 30, 123).AddTicks(4567), Wkt.TryRead("POINT(2.3522 48.8566)", out _), Wkt.TryRead("POLYGON((0 0,1 0,1 1,0 0))", out _)],
        [long.MinValue, 1.2345678901234567e-300, -79228162514264337593543950335m, "comma, \"quote\"\nnew line  ", false, new DateOnly(1, 1, 1), new DateTime(9999, 12, 31, 23, 59, 59), Wkt.TryRead("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))", out _), Wkt.TryRead("POINT EMPTY", out _)],
        [long.MaxValue, double.NaN, 0m, "", null, null, null, null, Wkt.TryRead("LINESTRING(0.1 0.2,0.30000000000000004 1e-9)", out _)],
        [null, double.NegativeInfinity, null, null, true, new DateOnly(2000, 1, 1), new DateTime(2000, 1, 1), Wkt.TryRead("GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1))", out _), null],
        [7L, -0.0, 12.345678901234567890123456789m, "unicode é 😀 \u2028", false, new DateOnly(2024, 1, 1), new DateTime(2024, 1, 1), Wkt.TryRead("MULTIPOINT((1 2),(3 4))", out _), Wkt.TryRead("POLYGON((0 0,10 0,10 10,0 10,0 0),(1 1,2 1,2 2,1 1))", out _)]);

    private static Workflow ScanOf(string table, Schema schema)
    {
        var b = new WorkflowBuilder("scan");
        var scan = b.Scan(TableName.TryParse(table)!, schema, "src", new FileLocation("wf.cwf"));
        b.Sink(scan.Id, Output, WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    [Theory]
    [InlineData(DataFormat.Csv)]
    [InlineData(DataFormat.GeoJson)]
    [InlineData(DataFormat.JsonLines)]
    public void Every_type_round_trips(DataFormat format)
    {
        var table = Sample();
        Assert.Empty(DataDirectory.Write(_dir.FullName, Database.Empty.With(TableName.TryParse("shop.items")!, table), format));
        Assert.True(File.Exists(Path.Combine(_dir.FullName, "shop.items" + format.Extension())));
        var loaded = DataDirectory.Load(_dir.FullName, ScanOf("shop.items", AllTypes));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var back = loaded.Tables["shop.items"];
        Assert.Equal(table.Count, back.Count);
        for (int r = 0; r < table.Count; r++)
            for (int c = 0; c < AllTypes.Count; c++)
                Assert.True(Same(table.Rows[r][c], back.Rows[r][c]), $"row {r} column {AllTypes[c].Name}: wrote {table.Rows[r][c]}, read {back.Rows[r][c]}");
        // Writing what was read gives the same bytes.
        Assert.Equal(DataDirectory.Format(table, format), DataDirectory.Format(back, format));
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (NetTopologySuite.Geometries.Geometry x, NetTopologySuite.Geometries.Geometry y) => x.EqualsExact(y),
        (double x, double y) => x.Equals(y) || (x == 0 && y == 0),
        (decimal x, decimal y) => x == y && x.Scale == y.Scale,
        _ => Equals(a, b),
    };

    [Fact]
    public void Csv_distinguishes_null_from_the_empty_string()
    {
        var schema = Schema(("a", SqlType.String), ("b", SqlType.String));
        var text = DataDirectory.Format(Table(schema, [null, ""], ["x", null]), DataFormat.Csv);
        Assert.Equal("a,b\n,\"\"\nx,\n", text);
        File.WriteAllText(Path.Combine(_dir.FullName, "t.csv"), "A,B\r\n,\"\"\r\n\"x\",\r\n\r\n");
        var back = DataDirectory.Load(_dir.FullName, ScanOf("t", schema)).Tables["t"];
        Assert.Equal([null, "x"], Column(back, "a"));
        Assert.Equal(["", null], Column(back, "b"));
    }

    [Fact]
    public void A_single_column_of_nulls_survives_csv()
    {
        var schema = Schema(("a", SqlType.Int64));
        Assert.Empty(DataDirectory.Write(_dir.FullName, Database.Empty.With(TableName.TryParse("t")!, Table(schema, [null], [1L], [null])), DataFormat.Csv));
        Assert.Equal([null, 1L, null], Column(DataDirectory.Load(_dir.FullName, ScanOf("t", schema)).Tables["t"], "a"));
    }

    [Fact]
    public void Csv_columns_match_by_name_in_any_order_and_extra_columns_warn()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "t.csv"), "extra,Y,x\n1,b,2\n");
        var schema = Schema(("x", SqlType.Int64), ("y", SqlType.String));
        var loaded = DataDirectory.Load(_dir.FullName, ScanOf("t", schema));
        Assert.True(loaded.Succeeded);
        Assert.Contains(loaded.Diagnostics, d => d.Code == DiagnosticCodes.DataColumnIgnored.Code && d.Message.Contains("'extra'"));
        Assert.Equal("x | y\n2 | b\n", loaded.Tables["t"].Format());
    }

    [Fact]
    public void Bad_values_are_reported_at_their_line_and_column()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "t.csv"), "x,d\n1,2024-01-01\nabc,2024-13-01\n");
        var loaded = DataDirectory.Load(_dir.FullName, ScanOf("t", Schema(("x", SqlType.Int64), ("d", SqlType.Date))));
        Assert.False(loaded.Succeeded);
        var errors = loaded.Diagnostics.Where(d => d.Code == DiagnosticCodes.DataValueInvalid.Code).ToList();
        Assert.Equal(2, errors.Count);
        var first = Assert.IsType<SourceLocation>(errors[0].Location);
        Assert.Equal((3, 1), (first.Start.Line, first.Start.Column));
        Assert.Equal((3, 5), (((SourceLocation)errors[1].Location).Start.Line, ((SourceLocation)errors[1].Location).Start.Column));
        Assert.Contains("'x' (int64)", errors[0].Message);
    }

    [Theory]
    [InlineData("x\n\"open\n", "never closed")]
    [InlineData("x\n\"a\"b\n", "after a closing quote")]
    [InlineData("x,y\n1\n", "1 fields; the header has 2")]
    [InlineData("", "empty")]
    public void Malformed_csv_is_a_diagnostic(string text, string message)
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "t.csv"), text);
        var loaded = DataDirectory.Load(_dir.FullName, ScanOf("t", Schema(("x", SqlType.String), ("y", SqlType.String))));
        Assert.Contains(loaded.Diagnostics, d => d.Code == DiagnosticCodes.DataFileMalformed.Code && d.Message.Contains(message));
    }

    [Fact]
    public void A_large_csv_file_keeps_its_row_order_and_reports_its_first_twenty_problems_in_order()
    {
        // 5,000 rows are parsed in ranges on several cores; every 97th row has a bad value.
        var schema = Schema(("x", SqlType.Int64), ("g", SqlType.Geography));
        var lines = Enumerable.Range(0, 5_000).Select(i => i % 97 == 50 ? $"x{i},POINT({i % 180} 1)" : $"{i},\"POINT({i % 180} 1)\"");
        File.WriteAllText(Path.Combine(_dir.FullName, "big.csv"), "x,g\n" + string.Join("\n", lines) + "\n");
        var failed = DataDirectory.Load(_dir.FullName, ScanOf("big", schema));
        Assert.False(failed.Succeeded);
        var problems = failed.Diagnostics.Where(d => d.Code == DiagnosticCodes.DataValueInvalid.Code).ToList();
        Assert.Equal(20, problems.Count);
        for (int k = 0; k < 20; k++) Assert.EndsWith($"'x{97 * k + 50}'", problems[k].Message);

        File.WriteAllText(Path.Combine(_dir.FullName, "big.csv"), "x,g\n" + string.Join("\n", Enumerable.Range(0, 5_000).Select(i => $"{i},POINT({i % 180} 1)")) + "\n");
        var loaded = DataDirectory.Load(_dir.FullName, ScanOf("big", schema));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => (object?)(long)i), loaded.Tables["big"].Rows.Select(r => r[0]));
        Assert.Equal(4_999 % 180, ((NetTopologySuite.Geometries.Point)loaded.Tables["big"].Rows[^1][1]!).X);
    }

    [Fact]
    public void Missing_columns_files_and_ambiguous_files()
    {
        var schema = Schema(("x", SqlType.Int64), ("y", SqlType.Int64));
        File.WriteAllText(Path.Combine(_dir.FullName, "t.csv"), "x\n1\n");
        Assert.Contains(DataDirectory.Load(_dir.FullName, ScanOf("t", schema)).Diagnostics, d => d.Code == DiagnosticCodes.DataColumnMissing.Code && d.Message.Contains("'y'"));
        var missing = DataDirectory.Load(_dir.FullName, ScanOf("nothere", schema));
        var notFound = Assert.Single(missing.Diagnostics);
        Assert.Equal(DiagnosticCodes.DataFileNotFound.Code, notFound.Code);
        Assert.Equal(new FileLocation("wf.cwf"), notFound.Location);
        File.WriteAllText(Path.Combine(_dir.FullName, "t.jsonl"), "{\"x\": 1}\n");
        Assert.Contains(DataDirectory.Load(_dir.FullName, ScanOf("t", schema)).Diagnostics, d => d.Code == DiagnosticCodes.DataFileAmbiguous.Code);
        Assert.Contains(DataDirectory.Load(Path.Combine(_dir.FullName, "no-such-dir"), ScanOf("t", schema)).Diagnostics, d => d.Code == DiagnosticCodes.DataFileUnreadable.Code);
    }

    [Fact]
    public void Qualified_names_fall_back_to_shorter_file_names_ignoring_case()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "Orders.CSV"), "x\n1\n");
        var loaded = DataDirectory.Load(_dir.FullName, ScanOf("proj.sales.orders", Schema(("x", SqlType.Int64))));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.Equal(1, loaded.Tables["proj.sales.orders"].Count);
        File.WriteAllText(Path.Combine(_dir.FullName, "sales.orders.jsonl"), "{\"x\": 1}\n{\"x\": 2}\n");
        Assert.Equal(2, DataDirectory.Load(_dir.FullName, ScanOf("proj.sales.orders", Schema(("x", SqlType.Int64)))).Tables["proj.sales.orders"].Count);
    }

    [Fact]
    public void File_names_escape_what_file_systems_or_the_dots_forbid()
    {
        Assert.Equal("a.b.c.csv", TableFileNames.FileName(TableName.TryParse("a.b.c")!, DataFormat.Csv));
        Assert.Equal("my%2Eschema.t%2Fx%25.geojson", TableFileNames.FileName(new TableName(["my.schema", "t/x%"]), DataFormat.GeoJson));
        Assert.Equal("été.jsonl", TableFileNames.FileName(TableName.TryParse("été")!, DataFormat.JsonLines));
    }

    [Fact]
    public void GeoJson_features_fill_the_geometry_column_and_properties()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "places.geojson"), """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}, "properties": {"name": "Paris", "pop": 2100000}},
              {"type": "Feature", "geometry": null, "properties": {"name": "Nowhere", "pop": null, "unknown": 1}}
            ]}
            """);
        var schema = Schema(("name", SqlType.String), ("pop", SqlType.Int64), ("geom", SqlType.Geography));
        var loaded = DataDirectory.Load(_dir.FullName, ScanOf("places", schema));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.Equal("name | pop | geom\nParis | 2100000 | POINT(2.35 48.85)\nNowhere | NULL | NULL\n", loaded.Tables["places"].Format());
        Assert.Contains(loaded.Diagnostics, d => d.Code == DiagnosticCodes.DataColumnIgnored.Code);
    }

    [Fact]
    public void GeoJson_and_jsonl_errors_point_into_the_file()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "p.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [\n{\"type\": \"Feature\", \"geometry\": {\"type\": \"Blob\", \"coordinates\": []}, \"properties\": {\"n\": \"x\"}}]}");
        var schema = Schema(("n", SqlType.Int64), ("geom", SqlType.Geography));
        var errors = DataDirectory.Load(_dir.FullName, ScanOf("p", schema)).Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal("/features/0/properties/n", ((JsonLocation)errors[0].Location).JsonPointer);
        Assert.Equal(2, ((JsonLocation)errors[0].Location).Position!.Value.Line);
        Assert.Contains("unknown GeoJSON geometry type 'Blob'", errors[1].Message);

        File.WriteAllText(Path.Combine(_dir.FullName, "q.jsonl"), "{\"n\": 1, \"geom\": {\"type\": \"Point\", \"coordinates\": [1, 2]}}\n\nnot json\n{\"n\": true}\n");
        var jsonl = DataDirectory.Load(_dir.FullName, ScanOf("q", schema)).Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal([3, 4], jsonl.Select(d => ((JsonLocation)d.Location).Position!.Value.Line));
        Assert.Contains(jsonl, d => d.Code == DiagnosticCodes.DataFileMalformed.Code);
        Assert.Contains(jsonl, d => d.Code == DiagnosticCodes.DataValueInvalid.Code && d.Message.Contains("not a int64"));
    }

    [Fact]
    public void Scans_of_one_table_read_the_union_of_their_columns()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "t.csv"), "a,b,c\n1,2,3\n");
        var b = new WorkflowBuilder("two scans");
        var one = b.Scan(TableName.TryParse("t")!, Schema(("a", SqlType.Int64)), "one");
        var two = b.Scan(TableName.TryParse("T")!, Schema(("b", SqlType.Int64), ("a", SqlType.Int64)), "two");
        b.Sink(one.Id, TableName.TryParse("o1")!, WriteMode.Replace, "o1");
        b.Sink(two.Id, TableName.TryParse("o2")!, WriteMode.Replace, "o2");
        var loaded = DataDirectory.Load(_dir.FullName, b.ToWorkflow());
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var result = Interpreter.Run(b.ToWorkflow(), loaded.Tables);
        Assert.Equal("b | a\n2 | 1\n", result.Outputs["o2"].Format());
    }

    [Fact]
    public void Outputs_are_written_deterministically()
    {
        var db = Database.Empty.With(TableName.TryParse("z")!, Sample()).With(TableName.TryParse("a.b")!, Sample());
        foreach (var format in Enum.GetValues<DataFormat>())
        {
            Assert.Empty(DataDirectory.Write(_dir.FullName, db, format));
            var first = File.ReadAllBytes(Path.Combine(_dir.FullName, "z" + format.Extension()));
            Assert.Empty(DataDirectory.Write(_dir.FullName, db, format));
            Assert.Equal(first, File.ReadAllBytes(Path.Combine(_dir.FullName, "z" + format.Extension())));
        }
    }
}
