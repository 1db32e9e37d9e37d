using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// For every node, the columns of its result that some reader needs (null: every column). One
/// walk from the outputs back to the tables. Outputs need every column they receive (a sink
/// writes them all), so do opaque steps (custom SQL may read any column) and DISTINCT (fewer
/// columns would merge rows that differ in the dropped ones). A union needs the same names from
/// every input.
/// </summary>
internal sealed class RequiredColumns
{
    private readonly Dictionary<int, HashSet<string>?> _needed;

    private RequiredColumns(Dictionary<int, HashSet<string>?> needed) => _needed = needed;

    /// <summary>The needed column names of the node's result, or null when all are needed.</summary>
    public IReadOnlySet<string>? Of(int id) => _needed.TryGetValue(id, out var set) ? set : Empty;

    public bool IsNeeded(int id, string column) => Of(id) is not { } set || set.Contains(column);

    private static readonly HashSet<string> Empty = new(StringComparer.OrdinalIgnoreCase);

    public static RequiredColumns Compute(Workflow workflow)
    {
        var needed = new Dictionary<int, HashSet<string>?>(workflow.Nodes.Length);
        var seen = new HashSet<int>();

        void Need(int id, IEnumerable<string>? columns)
        {
            if (columns is null)
            {
                needed[id] = null;
                seen.Add(id);
                return;
            }
            if (seen.Add(id)) needed[id] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (needed[id] is { } set) set.UnionWith(columns);
        }

        static IEnumerable<string> Refs(IEnumerable<Expr> exprs, int input = 0) =>
            exprs.SelectMany(Predicates.Columns).Where(c => c.Input == input).Select(c => c.Name);

        for (int i = workflow.Nodes.Length - 1; i >= 0; i--)
        {
            var node = workflow.Nodes[i];
            var own = needed.TryGetValue(node.Id, out var s) ? s : Empty;
            bool all = seen.Contains(node.Id) && own is null;
            switch (node)
            {
                case SinkNode or DistinctNode:
                    Need(node.Inputs[0], null);
                    break;
                case OpaqueNode o:
                    foreach (var input in o.Sources) Need(input, null);
                    break;
                case ProjectNode p:
                    Need(p.Input, Refs(Kept(p, own).Select(c => c.Expr)));
                    break;
                case FilterNode or SortNode or LimitNode:
                    Need(node.Inputs[0], all ? null : own!.Concat(Refs(node.Expressions)));
                    break;
                case AggregateNode a:
                    Need(a.Input, Refs(a.Keys.Select(k => k.Expr).Concat(Kept(a, own).Select(c => c.Argument).OfType<Expr>())));
                    break;
                case JoinNode j:
                    var outputs = Kept(j, own);
                    Need(j.Left, outputs.Where(o => o.Side == 0).Select(o => o.Column).Concat(Refs([j.Condition], 0)));
                    Need(j.Right, outputs.Where(o => o.Side == 1).Select(o => o.Column).Concat(Refs([j.Condition], 1)));
                    break;
                case SemiJoinNode sj:
                    Need(sj.Left, all ? null : own!.Concat(Refs([sj.Condition], 0)));
                    Need(sj.Right, Refs([sj.Condition], 1));
                    break;
                case UnionAllNode u:
                    foreach (var input in u.Sources) Need(input, all ? null : KeptUnionColumns(u, own!));
                    break;
            }
        }
        return new RequiredColumns(needed);
    }

    /// <summary>The project's columns that are needed; at least one, because a SELECT needs a column.</summary>
    public static List<NamedExpr> Kept(ProjectNode p, IReadOnlySet<string>? needed) =>
        AtLeastOne(p.Columns, c => needed is null || needed.Contains(c.Name));

    public static List<AggregateCall> Kept(AggregateNode a, IReadOnlySet<string>? needed) =>
        a.Keys.IsEmpty ? AtLeastOne(a.Aggregates, c => needed is null || needed.Contains(c.Name))
            : [.. a.Aggregates.Where(c => needed is null || needed.Contains(c.Name))];

    public static List<JoinOutput> Kept(JoinNode j, IReadOnlySet<string>? needed)
    {
        var kept = j.Outputs.Where(o => needed is null || needed.Contains(o.Name)).ToList();
        if (kept.Count > 0 || j.Outputs.IsEmpty) return kept;
        // No column is needed (a count over the join): keep one the condition reads anyway.
        var read = Predicates.Columns(j.Condition).ToList();
        return [j.Outputs.FirstOrDefault(o => read.Any(r => r.Input == o.Side && r.Name.Equals(o.Column, StringComparison.OrdinalIgnoreCase))) ?? j.Outputs[0]];
    }

    public static List<string> KeptUnionColumns(UnionAllNode u, IReadOnlySet<string> needed) =>
        AtLeastOne(u.OutputSchema.Columns, c => needed.Contains(c.Name)).Select(c => c.Name).ToList();

    public static List<Column> Kept(ScanNode scan, IReadOnlySet<string>? needed)
    {
        var kept = scan.TableSchema.Columns.Where(c => needed is null || needed.Contains(c.Name)).ToList();
        // Reading no column is not SQL: keep the narrowest one.
        if (kept.Count == 0 && scan.TableSchema.Count > 0)
            kept.Add(scan.TableSchema.Columns.FirstOrDefault(c => c.Type is SqlType.Bool or SqlType.Int64 or SqlType.Date) ?? scan.TableSchema[0]);
        return kept;
    }

    private static List<T> AtLeastOne<T>(IEnumerable<T> items, Func<T, bool> keep)
    {
        var all = items.ToList();
        var kept = all.Where(keep).ToList();
        if (kept.Count == 0 && all.Count > 0) kept.Add(all[0]);
        return kept;
    }
}
