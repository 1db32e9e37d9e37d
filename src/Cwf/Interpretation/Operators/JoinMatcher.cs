using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Finds, for a left row, the right rows a join condition holds for. Equality conjuncts between
/// a left and a right column use a hash table; otherwise a spatial-predicate conjunct uses an
/// envelope index (an R-tree) on the right side, and tests that conjunct against each right
/// geometry prepared once (<see cref="PreparedPredicate"/>); otherwise every right row is a
/// candidate. The whole condition is then evaluated on each candidate, so the strategy never
/// changes the result, only its cost. Candidates come in right-row order, keeping the output
/// deterministic. Built once per step and then only read, so probes may run on several threads,
/// each with its own <see cref="Probe"/>.
/// </summary>
internal sealed class JoinMatcher
{
    private delegate IReadOnlyList<int> CandidateFinder(object?[] leftRow, Probe probe);

    private readonly Evaluator _condition;
    private readonly CandidateFinder _candidates;
    private readonly object?[][] _right;

    private JoinMatcher(Evaluator condition, CandidateFinder candidates, object?[][] right)
    {
        _condition = condition;
        _candidates = candidates;
        _right = right;
    }

    public static JoinMatcher Create(Expr condition, Table left, Table right, StepContext context)
    {
        var conjuncts = Predicates.Conjuncts(condition);
        var rows = right.RowArrays;

        var equalities = conjuncts.Select(c => EquiKeys(c)).OfType<(ColumnRef Left, ColumnRef Right)>().ToList();
        if (equalities.Count > 0)
            return new JoinMatcher(context.Compile(condition, left.Schema, right.Schema),
                HashCandidates(equalities, left.Schema, right.Schema, rows, context), rows);

        foreach (var conjunct in conjuncts)
            if (SpatialIndex.TryCreate(conjunct, left.Schema, right.Schema, rows, context) is { } spatial)
                return new JoinMatcher(context.Compile(condition, left.Schema, right.Schema, spatial.Replace), spatial.Candidates, rows);

        var all = Enumerable.Range(0, rows.Length).ToArray();
        return new JoinMatcher(context.Compile(condition, left.Schema, right.Schema), (_, _) => all, rows);
    }

    /// <summary>Scratch space of one thread's probes: reused from left row to left row, so a probe allocates nothing.</summary>
    public sealed class Probe : IItemVisitor<int>
    {
        internal List<int> Candidates { get; } = [];
        internal List<int> Matches { get; } = [];

        void IItemVisitor<int>.VisitItem(int item) => Candidates.Add(item);
    }

    /// <summary>The indexes of the right rows the condition is TRUE for, in right-row order (valid until the probe's next use).</summary>
    public IReadOnlyList<int> Matches(object?[] leftRow, Probe probe)
    {
        probe.Matches.Clear();
        foreach (int index in _candidates(leftRow, probe))
            if (_condition(leftRow, _right[index]) is true) probe.Matches.Add(index);
        return probe.Matches;
    }

    /// <summary>Whether the condition is TRUE for some right row; stops at the first.</summary>
    public bool Any(object?[] leftRow, Probe probe)
    {
        foreach (int index in _candidates(leftRow, probe))
            if (_condition(leftRow, _right[index]) is true) return true;
        return false;
    }

    private static (ColumnRef Left, ColumnRef Right)? EquiKeys(Expr conjunct) => conjunct switch
    {
        Binary { Op: BinaryOp.Equal, Left: ColumnRef a, Right: ColumnRef b } when a.Input == 0 && b.Input == 1 && Hashable(a, b) => (a, b),
        Binary { Op: BinaryOp.Equal, Left: ColumnRef a, Right: ColumnRef b } when a.Input == 1 && b.Input == 0 && Hashable(a, b) => (b, a),
        _ => null,
    };

    private static bool Hashable(ColumnRef a, ColumnRef b) => a.Type.IsComparable() && b.Type.IsComparable();

    private static CandidateFinder HashCandidates(
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
        return (leftRow, _) =>
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

    /// <summary>
    /// The right side of a spatial-predicate conjunct between a left and a right column: an
    /// envelope R-tree for the candidates, and the right geometries prepared for the conjunct.
    /// </summary>
    private sealed class SpatialIndex
    {
        private static readonly HashSet<BuiltinFunction> EnvelopePredicates =
            [Functions.Intersects, Functions.Contains, Functions.Within, Functions.Covers, Functions.Touches, Functions.DWithin];

        private readonly Call _conjunct;
        private readonly int _leftIndex;
        private readonly int _rightIndex;
        private readonly double? _meters;
        private readonly STRtree<int> _tree = new();
        private readonly int[] _everyRow;
        private readonly PreparedPredicate? _predicate;
        private readonly Dictionary<Geometry, IPreparedGeometry> _prepared = new(ReferenceEqualityComparer.Instance);

        private SpatialIndex(Call conjunct, int leftIndex, int rightIndex, bool rightIsFirst, double? meters, object?[][] rows)
        {
            _conjunct = conjunct;
            _leftIndex = leftIndex;
            _rightIndex = rightIndex;
            _meters = meters;
            _everyRow = Enumerable.Range(0, rows.Length).ToArray();
            _predicate = PreparedPredicate.For(conjunct.Function, preparedIsFirst: rightIsFirst);
            for (int r = 0; r < rows.Length; r++)
            {
                if (rows[r][rightIndex] is not Geometry g || g.IsEmpty) continue;
                _tree.Insert(g.EnvelopeInternal, r);
                if (_predicate is not null && PreparedPredicate.Accepts(g) && !_prepared.ContainsKey(g))
                    _prepared[g] = PreparedPredicate.Prepare(g);
            }
            _tree.Build();
        }

        public static SpatialIndex? TryCreate(Expr conjunct, Schema leftSchema, Schema rightSchema, object?[][] rows, StepContext context)
        {
            if (conjunct is not Call call || !EnvelopePredicates.Contains(call.Function)) return null;
            if (call.Args[0] is not ColumnRef a || call.Args[1] is not ColumnRef b || a.Input == b.Input) return null;
            var (leftColumn, rightColumn) = a.Input == 0 ? (a, b) : (b, a);

            double? meters = 0; // null: a NULL distance, which nothing is within
            if (call.Function == Functions.DWithin)
            {
                if (call.Args[2].DescendantsAndSelf().Any(e => e is ColumnRef)) return null;
                meters = context.EvaluateConstant(call.Args[2]) is { } d ? Math.Max(0, SqlValues.ToDouble(d)) : null;
            }

            int leftIndex = leftSchema.IndexOf(leftColumn.Name);
            int rightIndex = rightSchema.IndexOf(rightColumn.Name);
            if (leftIndex < 0 || rightIndex < 0) return null;
            return new SpatialIndex(call, leftIndex, rightIndex, rightIsFirst: b.Input == 0, meters, rows);
        }

        public IReadOnlyList<int> Candidates(object?[] leftRow, Probe probe)
        {
            if (_meters is not { } meters || leftRow[_leftIndex] is not Geometry g || g.IsEmpty) return [];
            var envelope = Expand(g.EnvelopeInternal, meters);
            if (envelope is null) return _everyRow;
            probe.Candidates.Clear();
            _tree.Query(envelope, probe);
            probe.Candidates.Sort();
            return probe.Candidates;
        }

        /// <summary>The conjunct tested through the prepared right geometry where it has one; the plain evaluation otherwise.</summary>
        public Evaluator? Replace(Expr expr, Evaluator plain)
        {
            if (!ReferenceEquals(expr, _conjunct) || _predicate is null) return null;
            var predicate = _predicate;
            int leftIndex = _leftIndex, rightIndex = _rightIndex;
            var prepared = _prepared;
            return (l, r) =>
            {
                if (l[leftIndex] is not Geometry other || r![rightIndex] is not Geometry indexed
                    || !PreparedPredicate.Accepts(other) || !prepared.TryGetValue(indexed, out var p))
                    return plain(l, r);
                try
                {
                    return SqlValues.Bool(predicate.Test(p, other));
                }
                catch (GeographyException e)
                {
                    throw FunctionLibrary.SpatialFailed(e); // as the plain call reports it
                }
            };
        }
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
