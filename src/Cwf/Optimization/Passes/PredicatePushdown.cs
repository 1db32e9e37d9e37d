using System.Collections;
using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Moves filters toward the tables they read, so that fewer rows reach joins, aggregates and
/// expensive projections. A filter only moves below a step that nothing else reads, and only
/// deterministic predicates move. Per step:
/// <list type="bullet">
/// <item>project: conjuncts move below with the computed columns substituted, when those are cheap (no spatial or H3 work is duplicated)
/// and the result stays within <see cref="SubstitutionBound"/> (otherwise the projection stays a boundary for those columns);</item>
/// <item>sort, distinct: the predicate commutes with them; a match filter below absorbs the conjuncts (filters of different branches stay in order);</item>
/// <item>aggregate with keys: conjuncts over the keys only (they remove whole groups);</item>
/// <item>explode: conjuncts that do not read the element's column (an exploded row's other columns are its input row's);</item>
/// <item>union all: into every input, by column name, with a cast where an input's type is narrower;</item>
/// <item>semi / anti join: into the left input (the output is the left rows);</item>
/// <item>join: a conjunct over one side moves into that side when the side is not NULL-extended
/// (left for inner and left joins, right for inner and right joins); a conjunct over both sides
/// joins an inner join's condition; a match filter that rejects the NULLs of an outer join's
/// optional side turns the join inner on that side first (left → inner, full → left/right/inner).</item>
/// </list>
/// Join conditions are pushed too: a conjunct of the ON condition over only the side whose rows
/// are not preserved (either side of an inner join, the right of a left join, the left of a right
/// join, the right of a semi or anti join, the left of a semi join) becomes a filter on that input.
/// Nothing moves below a LIMIT, an opaque step or an output. An unmatch filter moves as a whole
/// (it cannot be split into conjuncts) and never into a join condition.
/// <para>
/// Cost: a filter travels down with its conjuncts indexed by column (<see cref="ConjunctSet"/>)
/// and merges with the filters it meets, and is written out once where it stops; so a chain of n
/// steps with filters everywhere costs O(n + conjunct rewrites), not O(n²). The rewrites themselves are
/// deferred and composed per sequence of crossings (<see cref="ConjunctSet"/>).
/// </para>
/// </summary>
public sealed class PredicatePushdown : OptimizerPass
{
    public override string Name => "predicate-pushdown";
    public override string Description => "move filters below projections, joins, semi-joins, unions and aggregates";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        var rw = new WorkflowRewriter(workflow);
        // Readers first: a filter sinks through the steps below it and absorbs the filters it meets.
        for (int i = workflow.Nodes.Length - 1; i >= 0; i--)
        {
            int id = workflow.Nodes[i].Id;
            if (!rw.Contains(id)) continue;
            switch (rw[id])
            {
                case FilterNode f:
                    Sink(rw, f);
                    break;
                case JoinNode j:
                    PushJoinCondition(rw, j);
                    break;
                case SemiJoinNode s:
                    PushSemiJoinCondition(rw, s);
                    break;
            }
        }
        return rw.ToWorkflow();
    }

    /// <summary>Conjuncts travelling toward input <paramref name="Port"/> of node <paramref name="Reader"/>.</summary>
    private sealed record Travel(ConjunctSet Set, int Reader, int Port);

    private static void Sink(WorkflowRewriter rw, FilterNode f)
    {
        // A filter that cannot move and whose conjuncts are all deterministic would be written back as it is:
        // it is left alone before any conjunct set is built (most filters of a fan-out, and every filter in a round that moves none).
        if (StopsFilters(rw, rw[f.Input]) && Predicates.IsDeterministic(f.Predicate)) return;
        bool match = f.Branch == FilterBranch.Match;
        var parts = match ? Predicates.Conjuncts(f.Predicate) : [f.Predicate];
        var fixedHere = parts.Where(p => !Predicates.IsDeterministic(p)).ToList();
        var set = new ConjunctSet(parts.Where(Predicates.IsDeterministic));
        if (set.Count == 0) return;

        var stayAtTop = new List<Expr>(fixedHere);
        var pending = new Stack<Travel>();
        pending.Push(new Travel(set, f.Id, 0));
        while (pending.Count > 0)
        {
            var (conjuncts, reader, port) = pending.Pop();
            if (conjuncts.Count == 0) continue;
            var below = rw[rw[reader].Inputs[port]];
            if (StopsFilters(rw, below))
            {
                Place(conjuncts.Items);
                continue;
            }
            switch (below)
            {
                case FilterNode g when match && g.Branch == FilterBranch.Match && Predicates.IsDeterministic(g.Predicate):
                    foreach (var c in Predicates.Conjuncts(g.Predicate)) conjuncts.Add(c);
                    rw.Redirect(g.Id, g.Input);
                    pending.Push(new Travel(conjuncts, reader, port));
                    break;
                case SortNode or DistinctNode or SemiJoinNode:
                    pending.Push(new Travel(conjuncts, below.Id, 0));
                    break;
                case ProjectNode p:
                    Cross(conjuncts, new ProjectDefinitions(p.Columns), p.Id);
                    break;
                // The other columns of an exploded row are its input row's: a condition on them holds for every element or none.
                case ExplodeNode e:
                    Cross(conjuncts, e.DistanceColumn is { } d ? [(e.Column, null), (d, null)] : [(e.Column, null)], e.Id);
                    break;
                case AggregateNode a when !a.Keys.IsEmpty:
                    Cross(conjuncts, a.Keys.Select(k => (k.Name, (Expr?)k.Expr)).Concat(a.Aggregates.Select(g => (g.Name, (Expr?)null))).ToList(), a.Id);
                    break;
                case UnionAllNode u when IntoUnion(rw, u, conjuncts) is { } perInput:
                    for (int i = perInput.Count - 1; i >= 0; i--) pending.Push(new Travel(perInput[i], u.Id, i));
                    break;
                case JoinNode j:
                    IntoJoin(j, conjuncts);
                    break;
                default:
                    Place(conjuncts.Items);
                    break;
            }

            void Cross(ConjunctSet travelling, IReadOnlyList<(string Name, Expr? Definition)> definitions, int node)
            {
                var stuck = travelling.CrossDefinitions(definitions);
                if (!match && stuck.Count > 0)
                {
                    Place(stuck);
                    return;
                }
                Place(stuck);
                pending.Push(new Travel(travelling, node, 0));
            }

            void IntoJoin(JoinNode j, ConjunctSet travelling)
            {
                var (left, right, condition, rest, kind) = SplitForJoin(rw, j, [.. travelling.Items], match);
                if (left.Count + right.Count + condition.Count == 0 && kind == j.Kind)
                {
                    Place(rest);
                    return;
                }
                var newCondition = condition.Count == 0 ? j.Condition
                    : Predicates.And((j.Condition is Literal { Value: true } ? [] : Predicates.Conjuncts(j.Condition)).Concat(condition));
                rw.Replace(j with { Kind = kind, Condition = newCondition });
                Place(rest);
                // An empty side would be popped and skipped: no set is built for it.
                if (right.Count > 0) pending.Push(new Travel(new ConjunctSet(right), j.Id, 1));
                if (left.Count > 0) pending.Push(new Travel(new ConjunctSet(left), j.Id, 0));
            }

            // Writes conjuncts as a filter on the edge being travelled (into the original filter when that is the edge).
            void Place(IEnumerable<Expr> items)
            {
                if (items is IReadOnlyCollection<Expr> { Count: 0 }) return;
                var list = items.ToList();
                if (list.Count == 0) return;
                if (reader == f.Id)
                {
                    stayAtTop.AddRange(list);
                    return;
                }
                var consumer = rw[reader];
                int input = consumer.Inputs[port];
                var predicate = match ? Predicates.And(list) : list[0];
                var filter = rw.Insert(new FilterNode(rw.NewId(), f.Name, input, predicate, f.Branch) { Origin = f.Origin }, before: consumer.Id);
                rw.Replace(consumer.WithInputs(consumer.Inputs.SetItem(port, filter.Id)));
            }
        }

        if (stayAtTop.Count == parts.Count && stayAtTop.SequenceEqual(parts)) return;
        if (stayAtTop.Count == 0) rw.Redirect(f.Id, rw[f.Id].Inputs[0]);
        else rw.Replace((FilterNode)rw[f.Id] with { Predicate = match ? Predicates.And(stayAtTop) : stayAtTop[0] });
    }

    // A step read by others too (a filter below it would filter their rows), or one nothing moves below.
    private static bool StopsFilters(WorkflowRewriter rw, RelNode below) =>
        rw.Readers(below.Id) != 1 || below is SinkNode or LimitNode or OpaqueNode or ScanNode;

    /// <summary>A projection's columns as the definitions a filter crosses, read in place (a filter passes every projection of a chain).</summary>
    private sealed class ProjectDefinitions(Seq<NamedExpr> columns) : IReadOnlyList<(string Name, Expr? Definition)>
    {
        public int Count => columns.Count;

        public (string Name, Expr? Definition) this[int index] => (columns[index].Name, columns[index].Expr);

        public IEnumerator<(string Name, Expr? Definition)> GetEnumerator()
        {
            foreach (var c in columns) yield return (c.Name, c.Expr);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static List<ConjunctSet>? IntoUnion(WorkflowRewriter rw, UnionAllNode u, ConjunctSet conjuncts)
    {
        var result = new List<ConjunctSet>();
        foreach (var source in u.Sources)
        {
            var schema = rw[source].Schema;
            if (conjuncts.Items.SelectMany(Predicates.Columns).Any(r => schema.Find(r.Name) is null)) return null;
            result.Add(new ConjunctSet(conjuncts.Items.Select(c => Predicates.Substitute(c, r =>
            {
                var column = schema.Find(r.Name)!;
                var reference = new ColumnRef(column.Name, column.Type, column.Nullable);
                return column.Type == r.Type || r.Type == SqlType.Unknown || column.Type == SqlType.Unknown ? reference : ExprFactory.Cast(reference, r.Type);
            }))));
        }
        return result;
    }

    /// <summary>
    /// Splits a filter's conjuncts over a join's output into those for the left input, the right
    /// input and the condition (all rewritten for their place), and those that stay above; and
    /// the join kind after NULL-rejecting conjuncts removed its NULL-extended rows.
    /// </summary>
    private static (List<Expr> Left, List<Expr> Right, List<Expr> Condition, List<Expr> Remaining, JoinKind Kind) SplitForJoin(
        WorkflowRewriter rw, JoinNode j, List<Expr> parts, bool match)
    {
        var outputs = j.Outputs.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        int SideOf(ColumnRef r) => outputs.TryGetValue(r.Name, out var o) ? o.Side : -1;
        if (parts.SelectMany(Predicates.Columns).Any(r => SideOf(r) < 0)) return ([], [], [], parts, j.Kind);

        var kind = j.Kind;
        if (match)
        {
            bool rejectsLeft = parts.Any(c => Predicates.RejectsNulls(c, r => SideOf(r) == 0));
            bool rejectsRight = parts.Any(c => Predicates.RejectsNulls(c, r => SideOf(r) == 1));
            kind = (kind, rejectsLeft, rejectsRight) switch
            {
                (JoinKind.Left, _, true) or (JoinKind.Right, true, _) or (JoinKind.Full, true, true) => JoinKind.Inner,
                (JoinKind.Full, true, false) => JoinKind.Left,
                (JoinKind.Full, false, true) => JoinKind.Right,
                _ => kind,
            };
        }
        bool intoLeft = kind is JoinKind.Inner or JoinKind.Left;
        bool intoRight = kind is JoinKind.Inner or JoinKind.Right;

        Expr For(Expr e, int? input) => Predicates.Substitute(e, r =>
        {
            var o = outputs[r.Name];
            var column = rw[o.Side == 0 ? j.Left : j.Right].Schema.Find(o.Column)!;
            return new ColumnRef(column.Name, column.Type, column.Nullable, input ?? o.Side);
        });

        var (left, right, condition, rest) = (new List<Expr>(), new List<Expr>(), new List<Expr>(), new List<Expr>());
        foreach (var c in parts)
        {
            var sides = Predicates.Columns(c).Select(SideOf).Distinct().ToList();
            if ((sides is [0] || sides.Count == 0) && intoLeft) left.Add(For(c, 0));
            else if ((sides is [1] || sides.Count == 0) && intoRight) right.Add(For(c, 0));
            else if (match && kind == JoinKind.Inner) condition.Add(For(c, null));
            else rest.Add(c);
        }
        // An unmatch predicate is one unit: it moves whole or not at all.
        if (!match && rest.Count > 0) return ([], [], [], parts, j.Kind);
        return (left, right, condition, rest, kind);
    }

    private static void PushJoinCondition(WorkflowRewriter rw, JoinNode j)
    {
        bool intoLeft = j.Kind is JoinKind.Inner or JoinKind.Right;
        bool intoRight = j.Kind is JoinKind.Inner or JoinKind.Left;
        if (SplitCondition(j.Condition, intoLeft, intoRight) is not var (left, right, rest)) return;
        rw.Replace(j with
        {
            Left = FilterOn(rw, j.Left, left, j),
            Right = FilterOn(rw, j.Right, right, j),
            Condition = Predicates.And(rest),
        });
    }

    private static void PushSemiJoinCondition(WorkflowRewriter rw, SemiJoinNode s)
    {
        if (SplitCondition(s.Condition, intoLeft: !s.Anti, intoRight: true) is not var (left, right, rest)) return;
        rw.Replace(s with
        {
            Left = FilterOn(rw, s.Left, left, s),
            Right = FilterOn(rw, s.Right, right, s),
            Condition = Predicates.And(rest),
        });
    }

    // Null when no conjunct moves. Most conditions are one conjunct over both inputs (an equality of
    // keys), looked at without a list: every join, every round.
    private static (List<Expr> Left, List<Expr> Right, List<Expr> Remaining)? SplitCondition(Expr condition, bool intoLeft, bool intoRight)
    {
        if (condition is not Binary { Op: BinaryOp.And } && InputInto(condition, intoLeft, intoRight) < 0) return null;
        var (left, right, rest) = (new List<Expr>(), new List<Expr>(), new List<Expr>());
        foreach (var c in Predicates.Conjuncts(condition))
        {
            switch (InputInto(c, intoLeft, intoRight))
            {
                case 0: left.Add(c); break;
                case 1: right.Add(c); break;
                default: rest.Add(c); break;
            }
        }
        return left.Count + right.Count == 0 ? null : (left, right, rest);
    }

    // The input a deterministic conjunct reading columns of that input only moves into, or -1 when it stays.
    private static int InputInto(Expr conjunct, bool intoLeft, bool intoRight)
    {
        int only = -1;
        using (var walk = new ExprNodes(conjunct))
        {
            while (walk.Next(out var node))
            {
                if (node is not ColumnRef r || r.Input == only) continue;
                if (only >= 0) return -1;
                only = r.Input;
            }
        }
        bool moves = only == 0 ? intoLeft : only == 1 && intoRight;
        return moves && Predicates.IsDeterministic(conjunct) ? only : -1;
    }

    private static int FilterOn(WorkflowRewriter rw, int input, List<Expr> conjuncts, RelNode join)
    {
        if (conjuncts.Count == 0) return input;
        var predicate = Predicates.And(conjuncts.Select(c => Predicates.Substitute(c, r => r with { Input = 0 })));
        return rw.Insert(new FilterNode(rw.NewId(), join.Name, input, predicate, FilterBranch.Match) { Origin = join.Origin }, before: join.Id).Id;
    }
}
