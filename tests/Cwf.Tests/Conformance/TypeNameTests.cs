using System.Text.Json.Nodes;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.14: type names in a source node's <c>data.schema</c> and in a catalog are read
/// case-insensitively, as cwf names or warehouse names (<c>NUMBER</c>, <c>VARCHAR</c>,
/// <c>double precision</c>, <c>GEOMETRY</c> ...); the canvas is compiled with either and run with psql
/// on a table created with PostgreSQL's own types.
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class TypeNameTests(PostgresServer server)
{
    private static readonly (string Name, string Declared, string Postgres)[] Columns =
    [
        ("a", "NUMBER", "bigint"),
        ("b", "VARCHAR", "varchar"),
        ("c", "double precision", "double precision"),
        ("d", "GEOMETRY", "geometry(Geometry,4326)"),
        ("e", "INT64", "bigint"),
        ("f", "STRING", "text"),
        ("g", "GEOGRAPHY", "geometry(Geometry,4326)"),
        ("h", "bigint", "bigint"),
        ("i", "text", "text"),
        ("j", "BOOLEAN", "boolean"),
        ("k", "TIMESTAMP", "timestamp"),
        ("l", "Date", "date"),
        ("m", "Float64", "double precision"),
        ("n", "VARCHAR(20)", "varchar(20)"),
        ("o", "NUMBER(10,2)", "numeric(10,2)"),
        ("p", "integer", "integer"),
        ("q", "Decimal", "numeric"),
        ("r", "Bool", "boolean"),
        ("s", "timestamp without time zone", "timestamp"),
        ("t", "geometry(Geometry,4326)", "geometry(Geometry,4326)"),
    ];

    private static async Task<PgDatabase> Database(PostgresServer server)
    {
        var db = await server.CreateDatabaseAsync("types");
        await db.ExecuteAsync("CREATE SCHEMA src; CREATE TABLE src.typed (" + string.Join(", ", Columns.Select(c => $"{c.Name} {c.Postgres}")) + ");" +
            "INSERT INTO src.typed VALUES (2, 'x', 1.5, ST_GeomFromText('POINT (0 0)', 4326), 3, 'y', ST_GeomFromText('POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))', 4326), " +
            "4, 'z', true, '2024-01-02 03:04:05', '2024-01-02', 2.5, 'w', 1.25, 5, 6.5, false, '2024-01-01 00:00:00', ST_GeomFromText('POINT (0.5 0.5)', 4326))," +
            "(3, 'x2', 2.5, NULL, 4, NULL, NULL, 5, NULL, false, '2023-01-01 00:00:00', NULL, NULL, NULL, 2.75, 6, NULL, NULL, NULL, NULL)");
        return db;
    }

    private static ProductCanvas Build(bool declareSchema)
    {
        var c = new ProductCanvas(declareSchema ? "Declared types" : "Catalog types");
        var typed = declareSchema ? c.Source("src.typed", "Typed", null, [.. Columns.Select(x => $"{x.Name}:{x.Declared}")]) : c.Source("src.typed", "Typed");

        var totals = c.Add("native.summarize", "Totals", ("columns", "a,sum,e,sum,c,avg,o,sum,p,sum,q,sum,h,max,n,max"));
        c.Connect(typed, totals);
        c.Save(totals, "out.totals");

        var recent = c.Add("native.wheresimplified", "Recent", ("column", "k"), ("operator", "equal or greater than"), ("value", "2024-01-01 00:00:00"));
        c.Connect(typed, recent);
        var flagged = c.Add("native.wheresimplified", "Flagged", ("column", "j"), ("operator", "equal to"), ("value", "true"));
        c.Connect(recent, flagged);
        var big = c.Add("native.wheresimplified", "Big a", ("column", "a"), ("operator", "greater than"), ("value", "1"));
        c.Connect(flagged, big);
        var buffer = c.Add("native.buffer", "Around d", ("geo", "d"), ("distance", 10), ("units", "Meters"));
        c.Connect(big, buffer);
        var area = c.Add("native.area", "Area of g", ("geo", "g"), ("units", "Square kilometers"));
        c.Connect(buffer, area);
        var within = c.Add("native.spatialfilter", "t within g", ("geosource", "t"), ("geofilter", "g"), ("predicate", "within"));
        c.Connect(area, within, "source");
        c.Connect(typed, within, "filter");
        c.Save(within, "out.filtered");
        return c;
    }

    private static JsonObject Catalog() => new()
    {
        ["tables"] = new JsonArray(new JsonObject
        {
            ["name"] = "src.typed",
            ["columns"] = new JsonArray([.. Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Declared })]),
        }),
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Warehouse_type_names_are_read_in_node_schemas_and_catalogs(bool declareSchema)
    {
        await using var db = await Database(server);
        var compiled = CwfCli.Compile(Build(declareSchema), "postgres", declareSchema ? null : Catalog()).ExpectExit(0);
        Assert.Empty(compiled.Warnings);
        var run = await db.RunPsqlAsync(compiled.Output);
        if (!run.Succeeded) throw new Xunit.Sdk.XunitException($"psql failed:\n{run.StandardError}\nscript:\n{compiled.Output}");

        await AssertColumnsAsync(db, "out.totals", "a_sum bigint, e_sum bigint, c_avg double precision, o_sum numeric, p_sum bigint, " +
            "q_sum numeric, h_max bigint, n_max text");
        Exact.AssertEqual(Rows("a_sum, e_sum, c_avg, p_sum, h_max", [5L, 7L, 2.0, 11L, 5L]),
            await db.QueryAsync("SELECT a_sum, e_sum, c_avg, p_sum, h_max FROM out.totals"));
        // A 1° x 1° square at the equator is about 12,308 km² on the WGS84 ellipsoid.
        Measured.AssertEqual(Rows("a, d_buffer_kind, g_area", [2L, "POLYGON", 12_308.0]),
            await db.QueryAsync("SELECT a::bigint AS a, GeometryType(d_buffer) AS d_buffer_kind, round(g_area / 10) * 10 AS g_area FROM out.filtered"));
    }

    [Fact]
    public void An_unknown_type_name_in_a_node_schema_is_reported_naming_node_column_and_type()
    {
        var c = new ProductCanvas("Unknown type");
        var typed = c.Source("src.typed", "Typed", null, "a:int64", "b:BLOBBY");
        var distinct = c.Add("native.distinct", "Unique");
        c.Connect(typed, distinct);
        c.Save(distinct, "out.x");
        var r = CwfCli.Compile(c, "postgres");
        Assert.Contains(r.Errors.Concat(r.Warnings), d => d.Contains(typed.Named, StringComparison.Ordinal) && d.Contains("BLOBBY", StringComparison.Ordinal));
    }
}
