using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Ir;
using static Cwf.Ir.ExprFactory;
using F = Cwf.Ir.Functions;

namespace Cwf.Tests.Emit;

/// <summary>Representative IR workflows for the emitter tests, built with <see cref="WorkflowBuilder"/>.</summary>
public static class EmitSamples
{
    public static Schema Orders { get; } = new([
        new("id", SqlType.Int64, false),
        new("customer_id", SqlType.Int64),
        new("amount", SqlType.Float64),
        new("quantity", SqlType.Int64),
        new("status", SqlType.String),
        new("created", SqlType.Date),
    ]);

    public static Schema Customers { get; } = new([
        new("id", SqlType.Int64, false),
        new("name", SqlType.String),
        new("region", SqlType.String),
    ]);

    public static Schema Places { get; } = new([
        new("id", SqlType.Int64, false),
        new("name", SqlType.String),
        new("lon", SqlType.Float64),
        new("lat", SqlType.Float64),
    ]);

    public static Schema Zones { get; } = new([
        new("zone_id", SqlType.Int64, false),
        new("zone_name", SqlType.String),
        new("geom", SqlType.Geography),
    ]);

    public static ColumnRef Col(Schema schema, string name, int input = 0) => Column(schema.Find(name)!, input);

    public static Literal Str(string s) => Literal.String(s);

    /// <summary>
    /// Relational steps: a two-way filter, projections with arithmetic and string functions,
    /// group-by and summarize with every aggregate, a join with <c>_joined</c> outputs, a union
    /// by name, sort + limit, distinct, and replace and append outputs.
    /// </summary>
    public static Workflow Relational()
    {
        var b = new WorkflowBuilder("relational");
        var orders = b.Scan(new TableName(["shop", "orders"]), Orders, "orders");
        var customers = b.Scan(new TableName(["shop", "customers"]), Customers, "customers");

        var big = Binary(BinaryOp.Greater, Col(Orders, "amount"), Literal.Float(100));
        var match = b.Filter(orders.Id, big, FilterBranch.Match, "Big orders");
        var unmatch = b.Filter(orders.Id, big, FilterBranch.Unmatch, "Small orders");

        var derived = b.Project(match.Id, [
            new("id", Col(Orders, "id")),
            new("customer_id", Col(Orders, "customer_id")),
            new("unit_price", Binary(BinaryOp.Divide, Col(Orders, "amount"), Col(Orders, "quantity"))),
            new("half", Binary(BinaryOp.Divide, Col(Orders, "quantity"), Literal.Int(2))),
            new("status", Call(F.Upper, Col(Orders, "status"))),
            new("year", Call(F.Year, Col(Orders, "created"))),
            new("source", Str("web")),
        ], "Derive");

        var joined = b.Join(derived.Id, customers.Id, JoinKind.Left,
            Eq(Column(derived.Schema.Find("customer_id")!, 0), Column(Customers.Find("id")!, 1)),
            WorkflowBuilder.JoinedSuffixOutputs(derived.Schema, Customers), "Join customers");

        var grouped = b.Aggregate(joined.Id, [new("region_joined", Column(joined.Schema.Find("region_joined")!))], [
            new AggregateCall("unit_price_sum", AggregateFunction.Sum, Column(joined.Schema.Find("unit_price")!)),
            new AggregateCall("id_count", AggregateFunction.Count, Column(joined.Schema.Find("id")!)),
            new AggregateCall("customer_id_count_distinct", AggregateFunction.CountDistinct, Column(joined.Schema.Find("customer_id")!)),
            new AggregateCall("rows", AggregateFunction.CountAll, null),
        ], "By region");

        var summary = b.Aggregate(unmatch.Id, [], [
            new AggregateCall("quantity_sum", AggregateFunction.Sum, Col(Orders, "quantity")),
            new AggregateCall("quantity_avg", AggregateFunction.Avg, Col(Orders, "quantity")),
            new AggregateCall("amount_min", AggregateFunction.Min, Col(Orders, "amount")),
            new AggregateCall("amount_max", AggregateFunction.Max, Col(Orders, "amount")),
        ], "Summary");

        var union = b.UnionAll([match.Id, unmatch.Id], "All orders");
        var sorted = b.Sort(union.Id, [new SortKey(Col(Orders, "amount"), true), new SortKey(Col(Orders, "id"), false)], "Sort");
        var top = b.Limit(sorted.Id, Literal.Int(10), "Top 10");
        var statuses = b.Project(orders.Id, [new("status", Col(Orders, "status"))], "Statuses");
        var distinct = b.Distinct(statuses.Id, "Distinct statuses");

        b.Sink(grouped.Id, new TableName(["analytics", "orders_by_region"]), WriteMode.Replace, "Save by region");
        b.Sink(summary.Id, new TableName(["analytics", "order_summary"]), WriteMode.Replace, "Save summary");
        b.Sink(top.Id, new TableName(["analytics", "top_orders"]), WriteMode.Append, "Save top");
        b.Sink(distinct.Id, new TableName(["statuses"]), WriteMode.Replace, "Save statuses");
        return b.ToWorkflow();
    }

    /// <summary>
    /// Spatial steps: points from lon/lat, a buffer, area, centroid, distance, H3 (unless
    /// <paramref name="h3"/> is false: no extension here runs it), a spatial join, and a spatial
    /// filter's match (semi join) and unmatch (anti join). For a <paramref name="dialect"/>, the
    /// buffer and H3 columns are left out where it cannot compute them (Trino has neither), so
    /// that the sample shows everything else it writes.
    /// </summary>
    public static Workflow Spatial(bool h3 = true, Dialect? dialect = null)
    {
        var b = new WorkflowBuilder("spatial");
        var places = b.Scan(new TableName(["geo", "places"]), Places, "places");
        var zones = b.Scan(new TableName(["geo", "zones"]), Zones, "zones");

        var points = b.Project(places.Id, [
            new("id", Col(Places, "id")),
            new("name", Col(Places, "name")),
            new("geom", Call(F.Point, Col(Places, "lon"), Col(Places, "lat"))),
        ], "Points");
        var geom = Column(points.Schema.Find("geom")!);
        NamedExpr[] measures = [
            new("id", Column(points.Schema.Find("id")!)),
            new("geom", geom),
            new("geom_buffer", Call(F.Buffer, geom, Literal.Float(500))),
            new("h3", Call(F.H3FromPoint, geom, Literal.Int(8))),
        ];
        var computable = (h3 ? measures : measures[..^1])
            .Where(m => dialect is null || m.Expr is not Call call || dialect.Functions.Find(call.Function) is { IsAvailable: true })
            .ToArray();
        var measured = b.Project(points.Id, computable, "Buffer and H3");

        var zoneGeom = Col(Zones, "geom");
        var zoneStats = b.Project(zones.Id, [
            new("zone_id", Col(Zones, "zone_id")),
            new("geom", zoneGeom),
            new("geom_area", Binary(BinaryOp.Divide, Call(F.Area, zoneGeom), Literal.Float(1_000_000))),
            new("geom_centroid", Call(F.Centroid, zoneGeom)),
        ], "Zone area");

        var within = Call(F.Within, Column(points.Schema.Find("geom")!, 0), Column(Zones.Find("geom")!, 1));
        var spatialJoin = b.Join(points.Id, zones.Id, JoinKind.Inner, within,
            WorkflowBuilder.JoinedSuffixOutputs(points.Schema, Zones), "Points in zones");
        var inside = b.SemiJoin(points.Id, zones.Id, Call(F.Intersects, Column(points.Schema.Find("geom")!, 0), Column(Zones.Find("geom")!, 1)), false, "Inside a zone");
        var outside = b.SemiJoin(points.Id, zones.Id, Call(F.Intersects, Column(points.Schema.Find("geom")!, 0), Column(Zones.Find("geom")!, 1)), true, "Outside every zone");

        var near = b.Project(spatialJoin.Id, [
            new("id", Column(spatialJoin.Schema.Find("id")!)),
            new("zone_name_joined", Column(spatialJoin.Schema.Find("zone_name_joined")!)),
            new("distance", Call(F.Distance, Column(spatialJoin.Schema.Find("geom")!), Column(spatialJoin.Schema.Find("geom_joined")!))),
        ], "Distance to zone");

        b.Sink(measured.Id, new TableName(["geo", "place_buffers"]), WriteMode.Replace, "Save buffers");
        b.Sink(zoneStats.Id, new TableName(["geo", "zone_stats"]), WriteMode.Replace, "Save zone stats");
        b.Sink(near.Id, new TableName(["geo", "place_zones"]), WriteMode.Replace, "Save joined");
        b.Sink(inside.Id, new TableName(["geo", "inside"]), WriteMode.Replace, "Save inside");
        b.Sink(outside.Id, new TableName(["geo", "outside"]), WriteMode.Append, "Save outside");
        return b.ToWorkflow();
    }

    /// <summary>Custom SQL over two inputs, and public and private parameters.</summary>
    public static Workflow CustomAndParameters()
    {
        var b = new WorkflowBuilder("custom sql");
        b.AddParameter(new Parameter("min_amount", SqlType.Float64, 50.0, true));
        b.AddParameter(new Parameter("label", SqlType.String, "it's big", true));
        b.AddParameter(new Parameter("top", SqlType.Int64, 5L, false));
        var orders = b.Scan(new TableName(["shop", "orders"]), Orders, "orders");
        var customers = b.Scan(new TableName(["shop", "customers"]), Customers, "customers");
        var custom = b.Opaque([orders.Id, customers.Id], "native.customsql",
            "SELECT o.id, c.name, o.amount\nFROM $a AS o\nJOIN $b c ON o.customer_id = c.id\nWHERE o.status <> '$a';",
            new Schema([new("id", SqlType.Int64), new("name", SqlType.String), new("amount", SqlType.Float64)]),
            ImmutableSortedDictionary<string, string>.Empty, "Custom join");
        var schema = custom.Schema;
        var filtered = b.Filter(custom.Id, Binary(BinaryOp.GreaterOrEqual, Column(schema.Find("amount")!), new ParamRef("min_amount", SqlType.Float64)), FilterBranch.Match, "Over minimum");
        var labelled = b.Project(filtered.Id, [
            new("id", Column(schema.Find("id")!)),
            new("name", Column(schema.Find("name")!)),
            new("label", new ParamRef("label", SqlType.String)),
        ], "Label");
        var top = b.Limit(labelled.Id, new ParamRef("top", SqlType.Int64), "First rows");
        b.Sink(top.Id, new TableName(["analytics", "custom_out"]), WriteMode.Replace, "Save custom");
        return b.ToWorkflow();
    }
}
