using System.Globalization;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// Nearest neighbours. Everywhere: each left row numbered, left-joined to the right rows within
/// the bound (every right row with a geography when there is none: quadratic), the pairs ranked
/// per left row by the node's order and the first k kept. On PostgreSQL with a plan: one
/// <c>LEFT JOIN LATERAL</c> per left row over the right side materialized with a GiST index on
/// its geography, where the index's k nearest by sphere distance (<c>&lt;-&gt;</c>) give a radius
/// that, widened, holds every row among the k nearest on the spheroid; those are ranked exactly.
/// spec/dialects.md (nearest neighbours) argues why the rows equal the plain plan's.
/// </summary>
internal sealed partial class QueryWriter
{
    /// <summary>
    /// The sphere and the spheroid disagree on a distance by well under 1% (0.5% at most), so the
    /// k-th nearest on the spheroid lies within 1.02 times (plus a meter for rounding) the sphere
    /// distance of the k-th nearest on the sphere.
    /// </summary>
    private const string SphereMargin = " * 1.02 + 1";

    private SqlBlock WriteNearest(NearestNode n) =>
        _spatialJoins.TryGetValue(n.Id, out var planned) ? WritePlannedNearest(n, planned) : WriteRankedNearest(n);

    /// <summary>The pairs within the bound ranked per numbered left row with <c>ROW_NUMBER</c>; the first k kept.</summary>
    private SqlBlock WriteRankedNearest(NearestNode n)
    {
        if (n.Within is null)
            _context.ReportOnce(DiagnosticCodes.UnboundedNearest, n,
                $"{Dialect.DisplayName}: nearest in step '{n.Name}' has no distance bound, so every row is paired with every row of the other input and ranked (quadratic in the rows)",
                "add a bound that surely holds k neighbours (nearest 3 from other within 50 km): the warehouse's spatial join then pairs only rows within it");
        var left = _context.Workflow[n.Left].Schema;
        string row = Dialect.Identifier(PlannedSpatialJoin.Fresh("cwf_row", left));
        string rank = Dialect.Identifier(PlannedSpatialJoin.Fresh("cwf_rank", n.Schema));
        var writer = JoinExpressions(n);
        var match = Match(n);
        var order = string.Join(", ", n.Order.Select(k => Dialect.SortKey(writer.Ordered(k.Expr).ListItem, k.Descending)));
        var numbered = SelectList(["*", $"ROW_NUMBER() OVER ({Dialect.UnorderedWindow}) AS {row}"]).Line("FROM " + _relation(n.Left));
        var ranked = SelectList([.. NearestItems(n, writer), $"ROW_NUMBER() OVER (PARTITION BY {LeftAlias}.{row} ORDER BY {order}) AS {rank}"])
            .Line("FROM (")
            .Append(numbered, 2)
            .Line($") AS {LeftAlias}")
            .Line($"LEFT JOIN {_relation(n.Right)} AS {RightAlias}")
            .Line("ON " + writer.Write(match).Text, 2);
        return SelectList(Columns(n.Schema, null))
            .Line("FROM (")
            .Append(ranked, 2)
            .Line(") AS ranked")
            .Line($"WHERE {rank} <= {n.K.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// <c>LEFT JOIN LATERAL</c> over the indexed right side: the rows within the widened sphere
    /// radius of the k nearest on the sphere (and within the bound), ranked exactly, k kept.
    /// </summary>
    private SqlBlock WritePlannedNearest(NearestNode n, PlannedSpatialJoin planned)
    {
        var indexing = Dialect.SpatialIndexing!;
        var writer = JoinExpressions(n);
        var distance = (Call)n.Distance;
        string k = n.K.ToString(CultureInfo.InvariantCulture);
        string exact = Dialect.Identifier(PlannedSpatialJoin.Fresh("cwf_distance", _context.Workflow[n.Right].Schema));
        string Key(string column) => indexing.GeodesicKey.Render([SqlFragment.Atom(column)]).Text;
        string sideGeo = Dialect.Identifier(planned.Plan.GeoColumn);
        var probe = SqlFragment.Atom(Key(writer.Write(distance.Args[0]).Wrap(Precedence.Atom)));
        var nearestOnSphere = indexing.NearestOrder.Render([SqlFragment.Atom(Key("s." + sideGeo)), probe]).Text;
        var radius = $"(SELECT MAX(c.cwf_sphere) FROM (SELECT {nearestOnSphere} AS cwf_sphere FROM {planned.Side} AS s ORDER BY {nearestOnSphere} LIMIT {k}) AS c){SphereMargin}";
        List<string> conditions = [indexing.NearestWithin.Render([SqlFragment.Atom(Key(RightAlias + "." + sideGeo)), probe, SqlFragment.Atom(radius)]).Text];
        if (n.Within is { } within)
            conditions.Add(writer.Write(ExprFactory.Call(Functions.DWithin, distance.Args[0], distance.Args[1], within)).Wrap(Precedence.And));
        var order = string.Join(", ", n.Order.Select(key => Dialect.SortKey(writer.Ordered(key.Expr).ListItem, key.Descending)));
        var lateral = SelectList([$"{RightAlias}.*", $"{writer.Write(distance).ListItem} AS {exact}"])
            .Line($"FROM {planned.Side} AS {RightAlias}");
        Where(lateral, conditions);
        lateral.Line("ORDER BY " + order).Line("LIMIT " + k);
        var items = n.Outputs.Select(o => JoinItem(o.Side == 0 ? LeftAlias : RightAlias, o))
            .Append($"{RightAlias}.{exact} AS {Dialect.Identifier(n.DistanceName)}");
        return SelectList(items)
            .Line($"FROM {_relation(n.Left)} AS {LeftAlias}")
            .Line("LEFT JOIN LATERAL (")
            .Append(lateral, 2)
            .Line($") AS {RightAlias} ON TRUE");
    }

    /// <summary>
    /// The pairs that may rank: a geodesic distance's geographies within the bound (a spatial join
    /// the warehouse accelerates), or both present; any other distance not NULL (and within the bound).
    /// </summary>
    private static Expr Match(NearestNode n)
    {
        if (n.Distance is Call { Args: [var a, var b] } call && call.Function == Functions.Distance)
            return n.Within is { } within
                ? ExprFactory.Call(Functions.DWithin, a, b, within)
                : ExprFactory.And(ExprFactory.IsNull(a, negated: true), ExprFactory.IsNull(b, negated: true));
        return n.Within is { } bound ? ExprFactory.Binary(BinaryOp.LessOrEqual, n.Distance, bound) : ExprFactory.IsNull(n.Distance, negated: true);
    }

    private List<string> NearestItems(NearestNode n, ExpressionWriter writer) =>
        [.. n.Outputs.Select(o => JoinItem(o.Side == 0 ? LeftAlias : RightAlias, o)), $"{writer.Write(n.Distance).ListItem} AS {Dialect.Identifier(n.DistanceName)}"];
}
