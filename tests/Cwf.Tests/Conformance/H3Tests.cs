namespace Cwf.Tests.Conformance;

/// <summary>
/// <c>native.h3frompoint</c> (adds <c>h3</c>, a string) and <c>native.h3boundary</c> (adds
/// <c>&lt;h3&gt;_geo</c>, a geography) from section 5, checked through the CLI by the columns
/// downstream components can use; PostgreSQL needs the h3-pg extension, which the test server lacks,
/// so these compile without running.
/// </summary>
public sealed class H3Tests
{
    private static ProductCanvas Build(string h3Column = "h3", string? geoColumn = null)
    {
        var c = new ProductCanvas("H3 cells");
        var stores = c.Source("src.stores", "Stores");
        var cell = c.Add("native.h3frompoint", "Cell", ("pointscol", "geom"), ("resolution", "8"));
        c.Connect(stores, cell);
        var boundary = c.Add("native.h3boundary", "Boundary", ("h3", h3Column));
        c.Connect(cell, boundary);
        var area = c.Add("native.area", "Cell area", ("geo", geoColumn ?? h3Column + "_geo"), ("units", "Square kilometers"));
        c.Connect(boundary, area);
        var group = c.Add("native.groupby", "Per cell", ("groupby", "h3"), ("columns", "store_id,count,h3_geo_area,max"));
        c.Connect(area, group);
        c.Save(group, "out.cells");
        return c;
    }

    [Theory]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("redshift")]
    [InlineData("databricks")]
    [InlineData("postgres")]
    [InlineData("duckdb")]
    public void Cell_and_boundary_columns_are_usable_downstream(string dialect)
    {
        var r = CwfCli.Compile(Build(), dialect, CwfCli.Catalog(CityData.All));
        Assert.True(r.ExitCode == 0 || r.Errors.All(e => e.Contains("h3", StringComparison.OrdinalIgnoreCase)), r.Error);
        Assert.DoesNotContain(r.Errors, e => e.Contains("unknown column", StringComparison.OrdinalIgnoreCase));
        if (r.ExitCode == 0) Assert.Contains("h3_geo_area_max", r.Output);
    }

    [Fact]
    public void Boundary_of_a_column_that_is_not_there_is_an_error()
    {
        var r = CwfCli.Compile(Build(h3Column: "cell", geoColumn: "h3_geo"), "bigquery", CwfCli.Catalog(CityData.All)).ExpectExit(1);
        Assert.Equal("", r.Output);
        Assert.Contains(r.Errors, e => e.Contains("'cell'", StringComparison.Ordinal) && e.Contains("'Boundary'", StringComparison.Ordinal));
    }
}
