using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Finds, for a left row, the right rows a join condition holds for. Equality conjuncts between
/// a left and a right column use a hash table; otherwise a spatial-predicate conjunct uses an
/// envelope index (an R-tree) on the right side; otherwise every right row is a candidate. The
/// whole condition is then evaluated on each candidate, so the strategy never changes the
/// result, only its cost. Candidates come in right-row order, keeping the output deterministic.
/// </summary>
internal sealed class JoinMatcher
{
    private readonly Evaluator _condition;
    private readonly Func<object?[], IReadOnlyList<int>> _candidates;
    private readonly object?[][] _right;

    private JoinMatcher(Evaluator condition, Func<object?[], IReadOnlyList<int>> candidates, object?[][] right)
    {
        _condition = condition;
        _candidates = candidates;
        _right = right;
    }

    public static JoinMatcher Create(Expr condition, Table left, Table right, StepContext context)
    {
        var evaluator = context.Compile(condition, left.Schema, right.Schema);
        var conjuncts = Predicates.Conjuncts(condition);
        var rows = right.RowArrays;

        var equalities = conjuncts.Select(c => EquiKeys(c)).OfType<(ColumnRef Left, ColumnRef Right)>().ToList();
        if (equalities.Count > 0)
            return new JoinMatcher(evaluator, HashCandidates(equalities, left.Schema, right.Schema, rows, context), rows);

        foreach (var conjunct in conjuncts)
            if (SpatialCandidates(conjunct, left.Schema, right.Schema, rows, context) is { } spatial)
                return new JoinMatcher(evaluator, spatial, rows);

        var all = Enumerable.Range(0, rows.Length).ToArray();
        return new JoinMatcher(evaluator, _ => all, rows);
    }

    /// <summary>The indexes of the right rows the condition is TRUE for, in right-row order.</summary>
    public IEnumerable<int> Matches(object?[] leftRow)
    {
        foreach (int index in _candidates(leftRow))
            if (_condition(leftRow, _right[index]) is true) yield return index;
    }

    private static (ColumnRef Left, ColumnRef Right)? EquiKeys(Expr conjunct) => conjunct switch
    {
        Binary { Op: BinaryOp.Equal, Left: ColumnRef a, Right: ColumnRef b } when a.Input == 0 && b.Input == 1 && Hashable(a, b) => (a, b),
        Binary { Op: BinaryOp.Equal, Left: ColumnRef a, Right: ColumnRef b } when a.Input == 1 && b.Input == 0 && Hashable(a, b) => (b, a),
        _ => null,
    };

    private static bool Hashable(ColumnRef a, ColumnRef b) => a.Type.IsComparable() && b.Type.IsComparable();

    private static Func<object?[], IReadOnlyList<int>> HashCandidates(
        List<(ColumnRef Left, ColumnRef Right)> keys, Schema leftSchema, Schema rightSchema, object?[][] rows, StepContext context)
    {
        var leftKeys = keys.Select(k => context.Compile(k.Left, leftSchema, rightSchema)).ToArray();
        var rightKeys = keys.Select(k => context.Compile(k.Right with { Input = 0 }, rightSchema)).ToArray();
        var table = new Dictionary<object?[], List<int>>(RowKeyComparer.Instance);
        for (int r = 0; r < rows.Length; r++)
        {
            var key = new object?[rightKeys.Length];
            bool hasNull = false;
            for (int k = 0; k < key.Length; k++)
            {
                key[k] = rightKeys[k](rows[r], null);
                hasNull |= key[k] is null;
            }
            if (hasNull) continue; // NULL never equals anything
            if (!table.TryGetValue(key, out var list)) table[key] = list = [];
            list.Add(r);
        }
        return leftRow =>
        {
            var key = new object?[leftKeys.Length];
            for (int k = 0; k < key.Length; k++)
            {
                key[k] = leftKeys[k](leftRow, null);
                if (key[k] is null) return [];
            }
            return table.TryGetValue(key, out var list) ? list : [];
        };
    }

    private static readonly HashSet<BuiltinFunction> EnvelopePredicates =
        [Functions.Intersects, Functions.Contains, Functions.Within, Functions.Covers, Functions.Touches, Functions.DWithin];

    /// <summary>An envelope index when the conjunct is a spatial predicate between a left and a right column; null otherwise.</summary>
    private static Func<object?[], IReadOnlyList<int>>? SpatialCandidates(
        Expr conjunct, Schema leftSchema, Schema rightSchema, object?[][] rows, StepContext context)
    {
        if (conjunct is not Call call || !EnvelopePredicates.Contains(call.Function)) return null;
        if (call.Args[0] is not ColumnRef a || call.Args[1] is not ColumnRef b || a.Input == b.Input) return null;
        var (leftColumn, rightColumn) = a.Input == 0 ? (a, b) : (b, a);

        double meters = 0;
        if (call.Function == Functions.DWithin)
        {
            if (call.Args[2].DescendantsAndSelf().Any(e => e is ColumnRef)) return null;
            if (context.EvaluateConstant(call.Args[2]) is not { } d) return _ => [];
            meters = Math.Max(0, SqlValues.ToDouble(d));
        }

        int leftIndex = leftSchema.IndexOf(leftColumn.Name);
        int rightIndex = rightSchema.IndexOf(rightColumn.Name);
        if (leftIndex < 0 || rightIndex < 0) return null;

        var tree = new STRtree<int>();
        for (int r = 0; r < rows.Length; r++)
            if (rows[r][rightIndex] is Geometry g && !g.IsEmpty) tree.Insert(g.EnvelopeInternal, r);
        tree.Build();

        return leftRow =>
        {
            if (leftRow[leftIndex] is not Geometry g || g.IsEmpty) return [];
            var envelope = Expand(g.EnvelopeInternal, meters);
            if (envelope is null) return Enumerable.Range(0, rows.Length).ToArray();
            var found = tree.Query(envelope).ToArray();
            Array.Sort(found);
            return found;
        };
    }

    /// <summary>
    /// An envelope that holds every point within <paramref name="meters"/> of this one (a degree of
    /// latitude is at least 110.5 km); null when that cannot be expressed without wrapping around
    /// the antimeridian or a pole, in which case every row is a candidate.
    /// </summary>
    private static Envelope? Expand(Envelope envelope, double meters)
    {
        if (meters == 0) return envelope;
        double dLat = meters / 110_000.0;
        double maxAbsLat = Math.Max(Math.Abs(envelope.MinY), Math.Abs(envelope.MaxY)) + dLat;
        if (maxAbsLat >= 89) return null;
        double dLon = dLat / Math.Cos(maxAbsLat * Math.PI / 180);
        var expanded = new Envelope(envelope.MinX - dLon, envelope.MaxX + dLon, envelope.MinY - dLat, envelope.MaxY + dLat);
        return expanded.MinX < -180 || expanded.MaxX > 180 ? null : expanded;
    }
}
