using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Tests.Core;

public class CatalogTests
{
    [Theory]
    [InlineData("int64", SqlType.Int64)]
    [InlineData("BIGINT", SqlType.Int64)]
    [InlineData("NUMBER", SqlType.Int64)]
    [InlineData("NUMBER(38,2)", SqlType.Decimal)]
    [InlineData("numeric(10, 0)", SqlType.Decimal)]
    [InlineData("double precision", SqlType.Float64)]
    [InlineData("VARCHAR(20)", SqlType.String)]
    [InlineData("text", SqlType.String)]
    [InlineData("TIMESTAMP_NTZ", SqlType.Timestamp)]
    [InlineData("timestamp with time zone", SqlType.Timestamp)]
    [InlineData("geometry(Geometry,4326)", SqlType.Geography)]
    [InlineData("GEOGRAPHY", SqlType.Geography)]
    [InlineData("Bool", SqlType.Bool)]
    public void Type_names_are_read_case_insensitively(string text, SqlType expected) =>
        Assert.Equal(expected, SqlTypeNames.TryParse(text));

    [Theory]
    [InlineData("ARRAY<INT64>")]
    [InlineData("strin")]
    [InlineData("")]
    public void Unknown_type_names_are_rejected(string text) => Assert.Null(SqlTypeNames.TryParse(text));

    [Fact]
    public void Catalog_file_loads_tables_and_finds_them_by_suffix()
    {
        var (catalog, diagnostics) = CatalogFile.Parse(SourceText.From("""
            {"tables":[{"name":"src.trips","columns":[{"name":"id","type":"int64","nullable":false},{"name":"geom","type":"GEOGRAPHY"}]}]}
            """, "c.json"));
        Assert.Empty(diagnostics);
        var schema = catalog.Find(TableName.TryParse("SRC.Trips")!)!;
        Assert.Equal("(id: int64 not null, geom: geography)", schema.ToString());
        Assert.NotNull(catalog.Find(TableName.TryParse("trips")!));
    }

    [Fact]
    public void Catalog_problems_point_at_their_json_path_and_line()
    {
        var text = "{\"tables\":[\n {\"name\":\"a.t\",\"columns\":[\n  {\"name\":\"x\",\"type\":\"strin\"}]}]}";
        var (_, diagnostics) = CatalogFile.Parse(SourceText.From(text, "c.json"));
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownTypeName, d.Descriptor);
        var location = Assert.IsType<JsonLocation>(d.Location);
        Assert.Equal("/tables/0/columns/0/type", location.JsonPointer);
        Assert.Equal(3, location.Position!.Value.Line);
    }

    [Fact]
    public void Malformed_catalog_json_reports_line_and_column()
    {
        var (_, diagnostics) = CatalogFile.Parse(SourceText.From("{\"tables\": [\n  {\"name\": }\n]}", "c.json"));
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.CatalogMalformed, d.Descriptor);
        Assert.Equal(2, ((JsonLocation)d.Location).Position!.Value.Line);
    }
}
