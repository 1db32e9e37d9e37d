using Cwf.Driver;
using Cwf.Emit;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Components;

/// <summary>
/// Toolbox procedure calls as BigQuery gets them, checked by BigQuery's independent parser (tests/sqlcheck): the
/// tileset's options as a STRUCT with field names and the enrichment's variables as an array of STRUCTs, which that
/// parser's CALL does not take (a known gap, <see cref="ParserGaps"/>, "bigquery-call-arguments").
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
}
