using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// A case moved into a schema of its own (<c>t1</c> → <c>c17.t1</c>, <c>out1</c> → <c>c17.out1</c>),
/// so that a whole batch of cases runs in one database without their tables meeting.
/// </summary>
public sealed record IsolatedCase(EquivalenceCase Case, string Schema, Workflow Workflow, Database Inputs)
{
    public static IsolatedCase Create(EquivalenceCase c, string schema)
    {
        TableName Move(TableName name) => new([schema, name.Table]);
        var workflow = c.Workflow.WithNodes(c.Workflow.Nodes.Select(n => n switch
        {
            ScanNode s => s with { Table = Move(s.Table) },
            SinkNode k => (RelNode)(k with { Table = Move(k.Table) }),
            _ => n,
        }));
        var inputs = c.Inputs.Tables.Aggregate(Database.Empty, (db, t) => db.With(Move(t.Name), t.Table));
        return new IsolatedCase(c, schema, workflow, inputs);
    }

    /// <summary>The input tables in the form the engines' loaders take.</summary>
    public IEnumerable<TestTable> InputTables => Inputs.Tables.Select(t => new TestTable(t.Name, t.Table.Schema,
        t.Table.Rows.Select(r => (IReadOnlyList<object?>)r.Select(v => v is Geometry g ? TwoDimensional(g) : v).ToArray()).ToList()));

    private static readonly GeometryFactory Flat = new(new PrecisionModel(), 4326);

    /// <summary>
    /// An empty point, line or polygon built with a two-dimensional coordinate sequence: NTS's
    /// default empty sequence has a Z ordinate, which Npgsql writes and PostGIS then refuses for a
    /// two-dimensional column.
    /// </summary>
    private static Geometry TwoDimensional(Geometry g)
    {
        if (!g.IsEmpty) return g;
        var none = new NetTopologySuite.Geometries.Implementation.CoordinateArraySequence([], 2, 0);
        return g switch
        {
            Point => Flat.CreatePoint(none),
            LinearRing or LineString when g is not MultiLineString => Flat.CreateLineString(none),
            Polygon => Flat.CreatePolygon(Flat.CreateLinearRing(none)),
            _ => g,
        };
    }

    /// <summary>Every table the workflow writes, once each, in the order of their first sink.</summary>
    public IReadOnlyList<TableName> Outputs => [.. Workflow.Sinks.Select(s => s.Table).DistinctBy(t => t.ToString().ToLowerInvariant())];
}
