using Cwf.Driver;
using Cwf.Emit;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Components;

/// <summary>
/// Toolbox procedure calls as the warehouses get them, checked by their independent parsers (tests/sqlcheck): on
/// BigQuery the tileset's options as a STRUCT with field names and the enrichment's variables as an array of STRUCTs,
/// which that parser's CALL does not take (a known gap, <see cref="ParserGaps"/>, "bigquery-call-arguments"); on
/// Snowflake and Redshift IMPORT_URL.
/// </summary>
[EngineTest(Engine.Parser)]
public class ToolboxCallParseTests
{
    [SkippableTheory]
    [InlineData("CREATE_TILESET", """
        source buildings = table "src.buildings" { id: int64, score: float64, zmin: int64, geom: geography }
        let tiles = buildings | tileset geom, 'proj.maps.building_tiles' { zoom_min: 2, zoom_max: 14, zoom_min_col: zmin, tile_feature_order: 'score DESC', description: 'it''s' }
        """)]
    [InlineData("ENRICH_POLYGONS", """
        source buildings = table "src.buildings" { id: int64, geom: geography }
        source hotspots = table "src.hotspots" { gi: float64, kind: string, index_geo: geography }
        output buildings | enrichpolygons hotspots, geom, index_geo, avg(gi), count(kind) -> table "out.enriched"
        """)]
    public void BigQuery_toolbox_calls_parse(string procedure, string program)
    {
        var bigQuery = Dialects.Find("bigquery")!;
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(program), new CompileOptions(bigQuery));
        Assert.Contains($".{procedure}(", result.Sql);
        IndependentParsers.AssertParses(bigQuery, result.Sql!);
    }

    /// <summary>IMPORT_URL on the warehouses whose toolbox has it, with credentials given (string literals) and without (NULL).</summary>
    [SkippableTheory]
    [InlineData("snowflake", true)]
    [InlineData("snowflake", false)]
    [InlineData("redshift", true)]
    [InlineData("redshift", false)]
    public void Import_url_calls_parse(string name, bool credentials)
    {
        var dialect = Dialects.Find(name)!;
        var program = """
            source floods = import "https://example.com/floods.csv?a=1&b='2'" { autoguessing: false } returns { id: string, severity: int64 }
            output floods | filter severity > 2 -> table "analytics.flood.severe"
            """;
        var carto = credentials ? new CartoCredentials("https://gcp-us-east1.api.carto.com", "eyJ.it's") : CartoCredentials.None;
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(program), new CompileOptions(dialect) { Carto = carto });
        Assert.Contains(".IMPORT_URL(", result.Sql);
        IndependentParsers.AssertParses(dialect, result.Sql!);
    }
}
