using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Moves filters toward the tables they read, so that fewer rows reach joins, aggregates and
/// expensive projections. A filter only moves below a step that nothing else reads, and only
/// deterministic predicates move. Per step:
/// <list type="bullet">
/// <item>project: conjuncts move below with the computed columns substituted, when those are cheap (no spatial or H3 work is duplicated);</item>
/// <item>sort, distinct: the predicate commutes with them; a filter of the same branch: the two merge (filters of different branches stay in order, so that rounds cannot swap them back and forth);</item>
/// <item>aggregate with keys: conjuncts over the keys only (they remove whole groups);</item>
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
/// Nothing moves below a LIMIT, an opaque step or an output.
/// </summary>
public sealed class PredicatePushdown : OptimizerPass
{
    public override string Name => "predicate-pushdown";
    public override string Description => "move filters below projections, joins, semi-joins, unions and aggregates";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        var rw = new WorkflowRewriter(workflow);
        // Readers first: a filter sinks through the steps below it and merges with the filters it meets.
        for (int i = workflow.Nodes.Length - 1; i >= 0; i--)
        {
            int id = workflow.Nodes[i].Id;
            if (!rw.Contains(id)) continue;
            switch (rw[id])
            {
                case FilterNode:
                    Sink(rw, id);
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

    private static void Sink(WorkflowRewriter rw, int filterId)
    {
        var pending = new Stack<int>();
        pending.Push(filterId);
        while (pending.Count > 0)
        {
            int id = pending.Pop();
            if (!rw.Contains(id) || rw[id] is not FilterNode f) continue;
            var child = rw[f.Input];
            if (rw.Readers(child.Id) != 1 || child is SinkNode or LimitNode or OpaqueNode or ScanNode) continue;
            bool match = f.Branch == FilterBranch.Match;
            var parts = match ? Predicates.Conjuncts(f.Predicate) : [f.Predicate];
            var movable = parts.Where(Predicates.IsDeterministic).ToList();
            if (movable.Count == 0) continue;

            switch (child)
            {
                case FilterNode g when g.Branch == f.Branch && movable.Count == parts.Count:
                    var merged = rw.Replace(g with { Predicate = match ? ExprFactory.And(g.Predicate, f.Predicate) : ExprFactory.Or(g.Predicate, f.Predicate) });
                    rw.Redirect(f.Id, merged.Id);
                    pending.Push(merged.Id);
                    break;
                case SortNode or DistinctNode:
                    pending.Push(MoveBelow(rw, f, child, 0, movable, parts, e => e));
                    break;
                case ProjectNode p:
                    var computed = p.Columns.ToDictionary(c => c.Name, c => c.Expr, StringComparer.OrdinalIgnoreCase);
                    var throughProject = movable.Where(c => Predicates.Columns(c).All(r => computed.TryGetValue(r.Name, out var e) && Predicates.IsCheap(e))).ToList();
                    if (throughProject.Count == 0 || !match && throughProject.Count != parts.Count) break;
                    pending.Push(MoveBelow(rw, f, p, 0, throughProject, parts, e => Predicates.Substitute(e, r => computed[r.Name])));
                    break;
                case AggregateNode a when !a.Keys.IsEmpty:
                    var keys = a.Keys.ToDictionary(k => k.Name, k => k.Expr, StringComparer.OrdinalIgnoreCase);
                    var overKeys = movable.Where(c => Predicates.Columns(c).All(r => keys.TryGetValue(r.Name, out var e) && Predicates.IsCheap(e))).ToList();
                    if (overKeys.Count == 0 || !match && overKeys.Count != parts.Count) break;
                    pending.Push(MoveBelow(rw, f, a, 0, overKeys, parts, e => Predicates.Substitute(e, r => keys[r.Name])));
                    break;
                case SemiJoinNode s:
                    pending.Push(MoveBelow(rw, f, s, 0, movable, parts, e => e));
                    break;
                case UnionAllNode u:
                    if (!match && movable.Count != parts.Count) break;
                    foreach (var created in IntoUnion(rw, f, u, movable, parts)) pending.Push(created);
                    break;
                case JoinNode j:
                    foreach (var created in IntoJoin(rw, f, j, parts)) pending.Push(created);
                    break;
            }
        }
    }

    /// <summary>
    /// Puts a new filter with <paramref name="moved"/> (rewritten for the input) between
    /// <paramref name="child"/> and its input <paramref name="port"/>; the old filter keeps the
    /// rest of <paramref name="all"/> or disappears. Returns the new filter's id.
    /// </summary>
    private static int MoveBelow(WorkflowRewriter rw, FilterNode f, RelNode child, int port, List<Expr> moved, List<Expr> all, Func<Expr, Expr> rewrite)
    {
        int input = child.Inputs[port];
        var predicate = f.Branch == FilterBranch.Match ? Predicates.And(moved.Select(rewrite)) : rewrite(moved[0]);
        var below = rw.Insert(new FilterNode(rw.NewId(), f.Name, input, predicate, f.Branch, rw[input].Schema) { Origin = f.Origin }, before: child.Id);
        rw.Replace(child.WithInputs(child.Inputs.SetItem(port, below.Id)));
        KeepRest(rw, f, all, moved);
        return below.Id;
    }

    private static void KeepRest(WorkflowRewriter rw, FilterNode f, List<Expr> all, List<Expr> moved)
    {
        var rest = all.Where(c => !moved.Contains(c)).ToList();
        if (rest.Count == 0) rw.Redirect(f.Id, f.Input);
        else rw.Replace(f with { Predicate = Predicates.And(rest) });
    }

    private static IEnumerable<int> IntoUnion(WorkflowRewriter rw, FilterNode f, UnionAllNode u, List<Expr> moved, List<Expr> all)
    {
        var sources = new List<int>();
        var created = new List<int>();
        var predicate = f.Branch == FilterBranch.Match ? Predicates.And(moved) : moved[0];
        foreach (var source in u.Sources)
        {
            var schema = rw[source].Schema;
            if (Predicates.Columns(predicate).Any(r => schema.Find(r.Name) is null)) return [];
            var rewritten = Predicates.Substitute(predicate, r =>
            {
                var column = schema.Find(r.Name)!;
                var reference = new ColumnRef(column.Name, column.Type, column.Nullable);
                return column.Type == r.Type || r.Type == SqlType.Unknown || column.Type == SqlType.Unknown ? reference : ExprFactory.Cast(reference, r.Type);
            });
            var below = rw.Insert(new FilterNode(rw.NewId(), f.Name, source, rewritten, f.Branch, schema) { Origin = f.Origin }, before: u.Id);
            sources.Add(below.Id);
            created.Add(below.Id);
        }
        rw.Replace(u with { Sources = sources.ToSeq() });
        KeepRest(rw, f, all, moved);
        return created;
    }

    private static IEnumerable<int> IntoJoin(WorkflowRewriter rw, FilterNode f, JoinNode j, List<Expr> parts)
    {
        var outputs = j.Outputs.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        int SideOf(ColumnRef r) => outputs.TryGetValue(r.Name, out var o) ? o.Side : -1;
        if (parts.SelectMany(Predicates.Columns).Any(r => SideOf(r) < 0)) return [];
        bool match = f.Branch == FilterBranch.Match;

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

        var left = new List<Expr>();
        var right = new List<Expr>();
        var condition = new List<Expr>();
        foreach (var c in parts)
        {
            if (!Predicates.IsDeterministic(c)) continue;
            var sides = Predicates.Columns(c).Select(SideOf).Distinct().ToList();
            if (sides is [0] && intoLeft || sides is [] && intoLeft) left.Add(c);
            else if (sides is [1] && intoRight || sides is [] && intoRight) right.Add(c);
            else if (match && kind == JoinKind.Inner) condition.Add(c);
        }
        if (!match && left.Count + right.Count != parts.Count)
        {
            left.Clear();
            right.Clear();
        }
        if (left.Count + right.Count + condition.Count == 0 && kind == j.Kind) return [];

        Expr ForInput(Expr e, int input) => Predicates.Substitute(e, r =>
        {
            var o = outputs[r.Name];
            var column = rw[o.Side == 0 ? j.Left : j.Right].Schema.Find(o.Column)!;
            return new ColumnRef(column.Name, column.Type, column.Nullable, input);
        });

        var created = new List<int>();
        int Below(int input, List<Expr> moved)
        {
            if (moved.Count == 0) return input;
            var predicate = match ? Predicates.And(moved.Select(e => ForInput(e, 0))) : ForInput(moved[0], 0);
            var node = rw.Insert(new FilterNode(rw.NewId(), f.Name, input, predicate, f.Branch, rw[input].Schema) { Origin = f.Origin }, before: j.Id);
            created.Add(node.Id);
            return node.Id;
        }
        int newLeft = Below(j.Left, left);
        int newRight = Below(j.Right, right);
        var newCondition = condition.Count == 0 ? j.Condition
            : Predicates.And((j.Condition is Literal { Value: true } ? [] : Predicates.Conjuncts(j.Condition))
                .Concat(condition.Select(e => Predicates.Substitute(e, r => { var o = outputs[r.Name]; return ForInput(r, o.Side); }))));
        rw.Replace(j with { Left = newLeft, Right = newRight, Kind = kind, Condition = newCondition });
        KeepRest(rw, f, parts, [.. left, .. right, .. condition]);
        return created;
    }

    private static void PushJoinCondition(WorkflowRewriter rw, JoinNode j)
    {
        bool intoLeft = j.Kind is JoinKind.Inner or JoinKind.Right;
        bool intoRight = j.Kind is JoinKind.Inner or JoinKind.Left;
        var (left, right, rest) = SplitCondition(j.Condition, intoLeft, intoRight);
        if (left.Count + right.Count == 0) return;
        rw.Replace(j with
        {
            Left = FilterOn(rw, j.Left, left, j),
            Right = FilterOn(rw, j.Right, right, j),
            Condition = Predicates.And(rest),
        });
    }

    private static void PushSemiJoinCondition(WorkflowRewriter rw, SemiJoinNode s)
    {
        var (left, right, rest) = SplitCondition(s.Condition, intoLeft: !s.Anti, intoRight: true);
        if (left.Count + right.Count == 0) return;
        rw.Replace(s with
        {
            Left = FilterOn(rw, s.Left, left, s),
            Right = FilterOn(rw, s.Right, right, s),
            Condition = Predicates.And(rest),
        });
    }

    private static (List<Expr> Left, List<Expr> Right, List<Expr> Remaining) SplitCondition(Expr condition, bool intoLeft, bool intoRight)
    {
        var (left, right, rest) = (new List<Expr>(), new List<Expr>(), new List<Expr>());
        foreach (var c in Predicates.Conjuncts(condition))
        {
            var sides = Predicates.Columns(c).Select(r => r.Input).Distinct().ToList();
            if (!Predicates.IsDeterministic(c) || sides.Count != 1) rest.Add(c);
            else if (sides[0] == 0 && intoLeft) left.Add(c);
            else if (sides[0] == 1 && intoRight) right.Add(c);
            else rest.Add(c);
        }
        return (left, right, rest);
    }

    private static int FilterOn(WorkflowRewriter rw, int input, List<Expr> conjuncts, RelNode join)
    {
        if (conjuncts.Count == 0) return input;
        var predicate = Predicates.And(conjuncts.Select(c => Predicates.Substitute(c, r => r with { Input = 0 })));
        return rw.Insert(new FilterNode(rw.NewId(), join.Name, input, predicate, FilterBranch.Match, rw[input].Schema) { Origin = join.Origin }, before: join.Id).Id;
    }
}
