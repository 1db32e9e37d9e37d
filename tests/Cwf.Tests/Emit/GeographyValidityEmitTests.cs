using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Ir;

namespace Cwf.Tests.Emit;

/// <summary>
/// Where the SQL applies the validity policy (spec/equivalence.md, "Invalid geometries"): a
/// geography is repaired where it enters the workflow, once per row, on the dialects that can
/// repair one; other columns and other dialects read their tables as before.
/// </summary>
public sealed class GeographyValidityEmitTests
{
    // The source column as PostgreSQL reads it (WarehouseStatementTests): geometry or geography of any SRID, in SRID 4326.
    private const string PostgresSource = "ST_SetSRID(CAST(geom AS geometry), 4326)";
    // A scalar subquery: the column is decoded once, and the scan is not planned into a parallel worker (PostgresDialect).
    private static string PostgresRepair(string g) =>
        $"(SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT {g} AS cwf_g) AS r) AS geom";

    private static string Sql(Workflow workflow, string dialect)
    {
        var result = SqlEmitter.Emit(workflow, Dialects.Find(dialect)!, new EmitOptions());
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        return result.Sql!;
    }

    [Fact]
    public void PostgreSQL_reads_a_geography_column_repaired_once_per_row()
    {
        var sql = Sql(EmitSamples.Spatial(dialect: Dialects.Find("postgres")), "postgres");
        Assert.Contains($"  zones AS (\n    SELECT\n      zone_id,\n      zone_name,\n      {PostgresRepair(PostgresSource)}\n    FROM geo.zones\n    OFFSET 0\n  )", sql);
        Assert.DoesNotContain("FROM geo.zones AS", sql);
        // A table without geography is read straight from the table.
        Assert.Contains("FROM geo.places", sql);
        Assert.DoesNotContain("places AS (", sql);
    }

    [Fact]
    public void DuckDB_repairs_with_its_own_make_valid()
    {
        var sql = Sql(EmitSamples.Spatial(dialect: Dialects.Find("duckdb")), "duckdb");
        Assert.Contains("CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom\n    FROM geo.zones\n  )", sql);
    }

    [Theory]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("databricks")]
    public void Warehouses_without_a_repair_read_their_geographies_as_stored(string dialect)
    {
        Assert.Null(Dialects.Find(dialect)!.GeographyRepair);
        var sql = Sql(EmitSamples.Spatial(dialect: Dialects.Find(dialect)), dialect);
        Assert.DoesNotContain("MakeValid", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"FROM [`]?geo[`]?\.[`]?zones[`]? AS r", sql);
    }

    [Fact]
    public void Redshift_has_no_repair_and_only_normalizes_the_SRID()
    {
        Assert.Null(Dialects.Find("redshift")!.GeographyRepair);
        var sql = Sql(EmitSamples.Spatial(dialect: Dialects.Find("redshift")), "redshift");
        Assert.DoesNotContain("MakeValid", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ST_SetSRID(geom, 4326) AS geom\n    FROM geo.zones\n", sql);
    }

    private static Workflow CustomGeography(Schema schema)
    {
        var b = new WorkflowBuilder("custom");
        var places = b.Scan(new TableName(["geo", "places"]), EmitSamples.Places, "places");
        var custom = b.Opaque([places.Id], "native.customsql", "SELECT id, ST_GeomFromText('POINT(1 2)', 4326) AS geom FROM $a", schema,
            ImmutableSortedDictionary<string, string>.Empty, "Shapes");
        b.Sink(custom.Id, new TableName(["out", "shapes"]), WriteMode.Replace, "k");
        return b.ToWorkflow();
    }

    [Fact]
    public void Declared_geographies_of_custom_SQL_are_repaired_as_they_enter()
    {
        var declared = new Schema([new Column("id", SqlType.Int64), new Column("geom", SqlType.Geography)]);
        var sql = Sql(CustomGeography(declared), "postgres");
        Assert.Contains($"    SELECT\n      id,\n      {PostgresRepair("geom")}\n    FROM (\n      SELECT id, ST_GeomFromText('POINT(1 2)', 4326) AS geom FROM geo.places\n    ) AS cwf_custom\n    OFFSET 0\n", sql);
        // Undeclared columns cannot be told apart: the custom SQL is taken as it is.
        Assert.DoesNotContain("MakeValid", Sql(CustomGeography(Schema.Open), "postgres"));
        Assert.DoesNotContain("cwf_custom", Sql(CustomGeography(declared), "bigquery"));
    }

    [Fact]
    public void Text_is_parsed_into_a_valid_geography()
    {
        var text = ExprFactory.Call(Functions.GeogFromText, Literal.String("POLYGON((0 0,2 2,2 0,0 2,0 0))"));
        Assert.Equal("ST_GEOGFROMTEXT('POLYGON((0 0,2 2,2 0,0 2,0 0))', make_valid => TRUE)", FunctionRendering.Render(Dialects.Find("bigquery")!, text).Sql);
        Assert.StartsWith("CASE WHEN (ST_IsValidDetail(ST_GeomFromText(", FunctionRendering.Render(Dialects.Find("postgres")!, text).Sql);
    }
}
