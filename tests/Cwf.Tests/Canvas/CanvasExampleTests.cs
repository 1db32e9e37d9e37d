using Cwf.Canvas;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

public class CanvasExampleTests
{
    public static TheoryData<string> Examples() => [.. CanvasTestKit.ExampleNames()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_imports_without_errors(string example)
    {
        var result = CanvasTestKit.ImportExample(example);
        Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
        Assert.NotNull(result.Workflow);
        Assert.Empty(IrValidator.Validate(result.Workflow!));
        Assert.True(File.Exists(Path.Combine(CanvasTestKit.ExamplesDirectory, example, "README.md")));
    }

    /// <summary>The output tables and columns each example's README promises.</summary>
    public static TheoryData<string, string, string> PromisedOutputs() => new()
    {
        { "order_totals_by_category", "out.category_totals", "category_joined: string, line_total_sum: float64, line_id_count: int64" },
        { "school_buffers", "out.large_school_zones", "school_id: int64, name: string, students: int64, geom: geography, geom_buffer: geography" },
        { "trips_in_boroughs", "out.trips_in_boroughs", "trip_id: int64, start_lat: float64, start_lon: float64, fare: float64, geom: geography" },
        { "trips_in_boroughs", "out.trips_outside", "trip_id: int64, start_lat: float64, start_lon: float64, fare: float64, geom: geography" },
        { "store_trade_areas", "out.store_reach", "store_id: int64, name: string, population_joined_sum: int64, block_id_joined_count: int64" },
        { "customer_cleanup", "out.customers_clean", "customer_id: int64, first_name: string, last_name: string, email: string, signup_date: date, phone_number: string" },
        { "customer_cleanup", "out.customers_without_email", "customer_id: int64, first_name: string, last_name: string, signup_date: date, phone_number: string" },
        { "sensor_h3_density", "project.air.pm25_by_cell", "h3: string, pm25_avg: float64, pm25_max: float64, reading_id_count: int64, h3_geo: geography, h3_geo_area: float64" },
        { "regional_sales_union", "out.sales_by_region", "region: string, amount_sum: float64, amount_min: float64, sale_id_count_distinct: int64, sold_on_max: date" },
        { "parcels_custom_sql", "out.parcels_at_risk", "parcel_id: int64, zoning: string, risk: string" },
        { "delivery_zones_variables", "out.delivery_zones_v2", "delivery_id: int64, region: string, orders: int64, lat: float64, lon: float64, geom: geography, geom_buffer: geography" },
        { "park_playgrounds", "out.park_playgrounds", "park_id: int64, name: string, geom_area: float64, playground_id_joined_count: int64" },
        { "fleet_recent_speeds", "OUT.RECENT_SPEEDS", "ping_id: int64, vehicle_id: int64, pinged_at: timestamp, speed_kmh: float64, lat: float64, lon: float64, speed_mph: float64, geom: geography" },
        { "warehouse_distances", "out.delivery_distance_summary", "distance_avg: float64, distance_max: float64, customer_id_count: int64" },
    };

    [Theory]
    [MemberData(nameof(PromisedOutputs))]
    public void Example_outputs_have_the_promised_columns(string example, string table, string columns)
    {
        var sink = CanvasTestKit.ImportExample(example).Workflow!.Sinks.Single(s => s.Table.ToString() == table);
        Assert.Equal(columns, string.Join(", ", sink.Schema.Columns.Select(c => $"{c.Name}: {c.Type.Name()}")));
    }

    [Fact]
    public void The_corpus_covers_every_component_all_envelopes_and_the_tricky_parts()
    {
        var results = CanvasTestKit.ExampleNames().Select(CanvasTestKit.ImportExample).ToList();
        var components = results.SelectMany(r => r.Document!.Nodes.Select(n => n.Component)).ToHashSet();
        // native.unnest is refused (CWF2201): an example using it could not import. native.call needs a procedure of
        // the warehouse's own (CallComponentTests, CallProcedureEngineTests create one): no example can bring it.
        // native.geocode, native.getisord, native.localmoransi, native.moransi, the enrichments, native.createtileset and native.importurl compile only where the toolbox has their procedure,
        // and every example compiles for PostgreSQL (EveryExampleToolTests): their tests import the real exports' nodes.
        Assert.DoesNotContain(ComponentCatalog.Default.All, c => c.HasCanvasForm && !components.Contains(c.Id)
            && c.Id is not ("native.unnest" or "native.call" or "native.geocode" or "native.getisord" or "native.localmoransi"
                or "native.moransi" or "native.enrichpolygons" or "native.enrichpoints" or "native.h3enrich" or "native.createtileset" or "native.importurl"));
        Assert.Contains(components, c => ComponentCatalog.Default.Find(c) is null);
        Assert.Equal(Enum.GetValues<CanvasEnvelopeKind>().ToHashSet(), results.Select(r => r.Envelope!.Value).ToHashSet());
        Assert.Contains(results, r => r.Document!.Notes.Count > 0);
        Assert.Contains(results, r => r.Workflow!.Parameters.Any(p => p.IsPublic));
        Assert.Contains(results, r => r.Workflow!.Parameters.Any(p => !p.IsPublic));
        Assert.Contains(results, r => r.Workflow!.Nodes.OfType<FilterNode>().Any(f => f.Branch == FilterBranch.Unmatch));
        Assert.Contains(results, r => r.Workflow!.Nodes.OfType<UnionAllNode>().Any(u => u.Sources.Count > 2));
        Assert.Contains(results, r => r.Workflow!.Consumers().Values.Any(c => c.Length > 1));
        Assert.Contains(results, r => r.Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.OpaqueComponent));
        Assert.Contains(results, r => r.Workflow!.Nodes.OfType<OpaqueNode>().Any(o => o.IsCustomSql));
        var json = string.Join("\n", CanvasTestKit.ExampleNames().Select(e => File.ReadAllText(CanvasTestKit.CanvasPath(e))));
        Assert.Contains("{{@", json);
        Assert.Matches(@"[^{]@[a-z_]+", json);
    }
}
