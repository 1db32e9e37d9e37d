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
using Cwf.Text;
using NetTopologySuite.IO;

namespace Cwf.Tests.Components;

/// <summary>
/// The spatial analysis components (issue 17): k-means and DBSCAN clusters as window columns, points in
/// polygons as an indexed join and an aggregate. Canvas import with the exports' input names, the decompiled
/// generic step and the round trip, the interpreter's answers, every dialect's SQL or its CWF6002, CWF2860.
/// </summary>
public class SpatialAnalysisComponentTests
{
    private static CanvasImportResult ImportOne(string component, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var source = c.Source("src.shops", "shops", "id:int64", "sales:float64", "geom:geography");
        var node = c.Node(component, "Clusters", values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(source, node).Flow(node, save);
        return CanvasTestKit.Import(c);
    }

    private static CanvasImportResult ImportPolygons(string component, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var zones = c.Source("src.zones", "zones", "zone:string", "area:float64", "shape:geography");
        var shops = c.Source("src.shops", "shops", "id:int64", "sales:float64", "geom:geography");
        var node = c.Node(component, "Per zone", values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(zones, node, "polygons").Flow(shops, node, "points").Flow(node, save);
        return CanvasTestKit.Import(c);
    }

    public static TheoryData<string, (string, object?)[], string> Steps() => new()
    {
        // Input names as exports write them: source, geo, nclusters (and the BigQuery-only optimizationcol, ignored).
        { "native.clusterkmeans", [("geo", "geom"), ("nclusters", "6"), ("optimizationcol", "geom")], "clusterkmeans geom { nclusters: 6 }" },
        { "native.clusterkmeans", [("geo", "geom")], "clusterkmeans geom" },
        { "native.clusterdbscan", [("geo", "geom"), ("radius", 15), ("min_geog", "10")], "clusterdbscan geom, 15, 10" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_clustering_node_imports_decompiles_and_round_trips(string component, (string, object?)[] values, string step)
    {
        var imported = ImportOne(component, values);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var window = Assert.Single(imported.Workflow!.Nodes.OfType<WindowNode>());
        Assert.Equal(["id", "sales", "geom", "cluster"], window.Schema.Names);
        Assert.True(window.Calls[0].Function.IsClustering());
        RoundTrips(imported, step);
    }

    [Fact]
    public void Points_in_polygons_import_decompile_and_round_trip()
    {
        var counted = ImportPolygons("native.countpointsinpolygons", ("points_geo", "geom"), ("polygons_geo", "shape"), ("polygons_id", "zone"));
        Assert.False(counted.HasErrors, CanvasTestKit.Describe(counted.Diagnostics));
        Assert.Equal(["zone", "area", "shape", "count"], counted.Workflow!.Sinks.Single() is var s ? counted.Workflow[s.Input].Schema.Names : []);
        RoundTrips(counted, "countpointsinpolygons shops, geom, shape, zone");

        var stats = ImportPolygons("native.pointstatsinpolygons", ("points_geo", "geom"), ("polygons_geo", "shape"), ("points_column", "sales"), ("polygons_id", "zone"));
        Assert.False(stats.HasErrors, CanvasTestKit.Describe(stats.Diagnostics));
        var sink = stats.Workflow!.Sinks.Single();
        Assert.Equal(["zone", "area", "shape", "count", "sales_sum", "sales_avg", "sales_min", "sales_max"], stats.Workflow[sink.Input].Schema.Names);
        RoundTrips(stats, "pointstatsinpolygons shops, geom, shape, sales, zone");
    }

    /// <summary>The round trip, the step ending its line (no options written).</summary>
    private static void RoundTrips(CanvasImportResult imported, string step) =>
        Assert.Contains("| " + step + "\n", CanvasTestKit.AssertRoundTrip(imported, step));

    private const string Program = """
        source zones = table "src.zones" { zone: string, shape: geography }
        source shops = table "src.shops" { id: int64, sales: float64, geom: geography }
        output shops | clusterkmeans geom { nclusters: 2 } as k | clusterdbscan geom, 150000, 2 as d -> table "out.clusters"
        output zones | pointstatsinpolygons shops, geom, shape, sales, zone -> table "out.zones"
        """;

    private static Database Data()
    {
        var wkt = new WKTReader();
        var workflow = Cwf.Tests.Binding.Compilation.Ok(Program);
        var scans = workflow.Nodes.OfType<ScanNode>().ToDictionary(s => s.Table.ToString());
        object?[] Shop(long id, double? sales, string? point) => [id, sales, point is null ? null : wkt.Read(point)];
        return Database.Empty
            .With(scans["src.shops"].Table, new Table(scans["src.shops"].Schema, new[]
            {
                Shop(1, 10, "POINT(0 0)"), Shop(2, 20, "POINT(0.5 0.5)"), Shop(3, 30, "POINT(10 10)"),
                Shop(4, null, "POINT(10.5 10)"), Shop(5, 50, "POINT(40 40)"), Shop(6, 60, null),
            }))
            .With(scans["src.zones"].Table, new Table(scans["src.zones"].Schema, new object?[][]
            {
                ["west", wkt.Read("POLYGON((-1 -1, 1 -1, 1 1, -1 1, -1 -1))")],
                ["east", wkt.Read("POLYGON((9 9, 11 9, 11 11, 9 11, 9 9))")],
                ["empty", wkt.Read("POLYGON((20 20, 21 20, 21 21, 20 21, 20 20))")],
                [null, wkt.Read("POLYGON((39 39, 41 39, 41 41, 39 41, 39 39))")],
            }));
    }

    [Fact]
    public void The_interpreter_clusters_and_counts_as_PostGIS_defines_them()
    {
        var run = Interpreter.Run(Cwf.Tests.Binding.Compilation.Ok(Program), Data());
        Assert.True(run.Succeeded, string.Join("\n", run.Diagnostics));
        var clusters = run.Outputs.Find(new TableName(["out", "clusters"]))!.Rows.Select(r => (Id: (long)r[0]!, K: r[3], D: r[4])).ToList();
        // k-means: the far point alone, the other four together; a NULL geography has no cluster.
        Assert.Equal([1L, 1L, 1L, 1L, 0L, null], clusters.Select(c => (long?)c.K));
        // DBSCAN at 150 km (1.35°): two pairs, the far point is noise.
        Assert.Equal([0L, 0L, 1L, 1L, null, null], clusters.Select(c => (long?)c.D));

        var zones = run.Outputs.Find(new TableName(["out", "zones"]))!.Rows.ToDictionary(r => (string?)r[0] ?? "null");
        Assert.Equal(2L, zones["west"][2]);
        Assert.Equal(30.0, zones["west"][3]);
        Assert.Equal(15.0, zones["west"][4]);
        Assert.Equal(2L, zones["east"][2]);
        Assert.Equal(30.0, zones["east"][3]);
        Assert.Equal(30.0, zones["east"][5]);
        Assert.Equal(0L, zones["empty"][2]);
        Assert.Null(zones["empty"][3]);
        // A NULL identifier matches no group: the polygon keeps count 0.
        Assert.Equal(0L, zones["null"][2]);
    }

    [Fact]
    public void More_clusters_than_rows_is_a_run_time_error_as_on_PostGIS()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok("""
            source shops = table "src.shops" { id: int64, sales: float64, geom: geography }
            output shops | clusterkmeans geom { nclusters: 7 } -> table "out.k"
            """);
        var scan = workflow.Nodes.OfType<ScanNode>().Single();
        var run = Interpreter.Run(workflow, Data().With(scan.Table, Data().Find(scan.Table)!));
        Assert.Contains(run.Diagnostics, d => d.Code == "CWF7004" && d.Message.Contains("6 rows cannot form 7 clusters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("clusterkmeans geom { nclusters: 0 }", "the number of clusters must be a whole number of at least 1")]
    [InlineData("clusterdbscan geom, -5, 3", "the search radius must be a number of meters, at least 0")]
    [InlineData("clusterkmeans geom { nclusters: k }", "the number of clusters must be a whole number of at least 1, but it is the parameter 'k'")]
    public void Clustering_values_out_of_range_are_CWF2860(string step, string message)
    {
        var result = CwfTestKit.Compile($$"""
            param k: int64 = 3
            source shops = table "src.shops" { id: int64, geom: geography }
            output shops | {{step}} -> table "out.k"
            """);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("CWF2860", error.Code);
        Assert.Contains(message, error.Message);
        Assert.Equal(3, Assert.IsType<SourceLocation>(error.Location).Start.Line);
    }

    [Fact]
    public void Every_dialect_writes_the_clusterings_or_names_what_it_lacks()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok(Program);
        foreach (var dialect in Dialects.All)
        {
            var result = Compiler.Compile(workflow, new CompileOptions(dialect));
            var missing = result.Diagnostics.Where(d => d.Code == "CWF6002").Select(d => d.Message).ToList();
            switch (dialect.Name)
            {
                case "postgres":
                    Assert.Empty(missing);
                    Assert.Contains("NULLIF(ST_ClusterKMeans(geom, CAST(2 AS INTEGER)) OVER (), -1)", result.Sql);
                    Assert.Contains("ST_ClusterDBSCAN(geom, CAST(150000.0 AS DOUBLE PRECISION) / 111319.49079327357, CAST(2 AS INTEGER)) OVER ()", result.Sql);
                    break;
                case "bigquery":
                    // k-means through the toolbox (the test below), DBSCAN natively.
                    Assert.Empty(missing);
                    Assert.Contains("`carto-un`.carto.ST_CLUSTERKMEANS(", result.Sql);
                    Assert.Contains(result.Diagnostics, d => d.Code == "CWF6021" && d.Message.Contains("cluster_dbscan()", StringComparison.Ordinal));
                    break;
                default:
                    Assert.Equal(2, missing.Count);
                    Assert.All(missing, m => Assert.StartsWith(dialect.DisplayName + " cannot compute cluster_", m));
                    break;
            }
            // Points in polygons are plain joins and aggregates: every warehouse writes them.
            var zones = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(string.Join("\n", Program.Split('\n').Where(l => !l.StartsWith("output shops", StringComparison.Ordinal)))), new CompileOptions(dialect));
            Assert.True(zones.Sql is not null, dialect.Name + ": " + string.Join("; ", zones.Diagnostics));
        }
    }

    /// <summary>
    /// BigQuery has no k-means window function: the CARTO Analytics Toolbox's ST_CLUSTERKMEANS clusters an array of
    /// every row's point (a centroid for other shapes; NULL and empty left out, ordered so the seeds do not depend on
    /// row order), and each row takes the cluster of its point, matched on its coordinates as the product's SQL does.
    /// The toolbox location is the compilation's; the call is a CWF6020 toolbox note and a CWF6021 limitation.
    /// </summary>
    [Fact]
    public void BigQuery_clusters_k_means_with_the_toolbox_at_the_configured_location()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok("""
            source shops = table "src.shops" { id: int64, geom: geography }
            output shops | clusterkmeans geom { nclusters: 4 } as territory -> table "out.k"
            """);
        var options = new CompileOptions(Dialects.Find("bigquery")!) { Toolbox = new TableName(["my`project", "carto"]) };
        var result = Compiler.Compile(workflow, options);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var sql = result.Sql!;
        Assert.Contains(
            "(SELECT cwf_k.cluster FROM UNNEST((SELECT `my\\`project`.carto.ST_CLUSTERKMEANS(ARRAY_AGG(cwf_p ORDER BY ST_X(cwf_p), ST_Y(cwf_p)), 4) " +
            "FROM (SELECT ST_CENTROID(cwf_all.geom) AS cwf_p FROM src.shops AS cwf_all WHERE NOT ST_ISEMPTY(cwf_all.geom)))) AS cwf_k " +
            "WHERE ST_X(cwf_k.geom) = ST_X(IF(ST_ISEMPTY(w.geom), NULL, ST_CENTROID(w.geom))) AND ST_Y(cwf_k.geom) = ST_Y(IF(ST_ISEMPTY(w.geom), NULL, ST_CENTROID(w.geom))) LIMIT 1)",
            sql);
        Assert.Contains("FROM src.shops AS w", sql);
        var toolbox = Assert.Single(result.Diagnostics, d => d.Code == "CWF6020");
        Assert.Contains("st_clusterkmeans()", toolbox.Message);
        Assert.Contains("`my\\`project`.carto", toolbox.Message);
        Assert.Contains(result.Diagnostics, d => d.Code == "CWF6021" && d.Message.Contains("ST_CLUSTERKMEANS", StringComparison.Ordinal));
    }
}

/// <summary>
/// BigQuery's toolbox k-means (a scalar subquery over the whole input, correlated on the row's point) parses with
/// BigQuery's independent parser (tests/sqlcheck; the ORDER BY inside ARRAY_AGG is a known gap of that parser,
/// <see cref="Cwf.Tests.Infrastructure.ParserGaps"/>).
/// </summary>
[Cwf.Tests.Infrastructure.EngineTest(Cwf.Tests.Infrastructure.Engine.Parser)]
public class SpatialAnalysisParseTests
{
    [SkippableFact]
    public void BigQuery_k_means_through_the_toolbox_parses()
    {
        var bigQuery = Dialects.Find("bigquery")!;
        var workflow = Cwf.Tests.Binding.Compilation.Ok("""
            source shops = table "src.shops" { id: int64, geom: geography }
            output shops | clusterkmeans geom { nclusters: 4 } as territory | filter territory = 1 -> table "out.k"
            """);
        var result = Compiler.Compile(workflow, new CompileOptions(bigQuery));
        Assert.Contains("ST_CLUSTERKMEANS(", result.Sql);
        Cwf.Tests.Infrastructure.IndependentParsers.AssertParses(bigQuery, result.Sql!);
    }
}
