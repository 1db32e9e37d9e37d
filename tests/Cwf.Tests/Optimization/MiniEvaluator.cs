using System.Globalization;
using Cwf.Ir;

namespace Cwf.Tests.Optimization;

/// <summary>
/// A small, deliberately naive evaluator of the non-spatial IR (nested loops, order kept) used
/// to check that passes keep results, with NULL-heavy random data, until the reference
/// interpreter (branch interp) is on main. Three-valued logic as in SQL. Sinks give each
/// written table as a sorted list of rendered rows, so results compare as multisets.
/// </summary>
internal static class MiniEvaluator
{
    public sealed record Data(Dictionary<string, (Schema Schema, List<object?[]> Rows)> Tables);

    public static SortedDictionary<string, List<string>> Run(Workflow workflow, Data data)
    {
        var results = new Dictionary<int, List<object?[]>>();
        var outputs = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var parameters = workflow.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var node in workflow.Nodes)
        {
            List<object?[]> In(int port) => results[node.Inputs[port]];
            Schema SchemaOf(int port) => workflow[node.Inputs[port]].Schema;
            object? E(Expr e, params (Schema, object?[])[] rows) => Eval(e, rows, parameters);
            results[node.Id] = node switch
            {
                ScanNode s => Scan(s, data),
                FilterNode f => In(0).Where(r => E(f.Predicate, (SchemaOf(0), r)) is true == (f.Branch == FilterBranch.Match)).ToList(),
                ProjectNode p => In(0).Select(r => p.Columns.Select(c => E(c.Expr, (SchemaOf(0), r))).ToArray()).ToList(),
                SortNode s => Sort(In(0), s, SchemaOf(0), parameters),
                LimitNode l => In(0).Take((int)(long)E(l.Count)!).ToList(),
                DistinctNode => In(0).DistinctBy(Key).ToList(),
                UnionAllNode u => u.Sources.SelectMany((source, i) => results[source].Select(r =>
                    u.OutputSchema.Columns.Select(c => Widen(r[workflow[source].Schema.IndexOf(c.Name)], c.Type)).ToArray())).ToList(),
                AggregateNode a => Aggregate(In(0), a, SchemaOf(0), parameters),
                SemiJoinNode sj => In(0).Where(l => In(1).Any(r => E(sj.Condition, (SchemaOf(0), l), (SchemaOf(1), r)) is true) != sj.Anti).ToList(),
                JoinNode j => Join(In(0), In(1), j, SchemaOf(0), SchemaOf(1), parameters),
                SinkNode k => In(0),
                _ => throw new NotSupportedException(node.GetType().Name),
            };
            if (node is SinkNode sink)
            {
                var rows = results[node.Id].Select(r => string.Join("|", sink.Schema.Columns.Select((c, i) => $"{c.Name}={Render(r[i])}"))).ToList();
                rows.Sort(StringComparer.Ordinal);
                outputs[sink.Table.ToString()] = rows;
            }
        }
        return outputs;
    }

    private static List<object?[]> Scan(ScanNode s, Data data)
    {
        var (schema, rows) = data.Tables[s.Table.ToString()];
        var indexes = s.TableSchema.Columns.Select(c => schema.IndexOf(c.Name)).ToArray();
        return rows.Select(r => indexes.Select(i => r[i]).ToArray()).ToList();
    }

    private static List<object?[]> Sort(List<object?[]> rows, SortNode s, Schema schema, Dictionary<string, object?> p)
    {
        IOrderedEnumerable<object?[]>? ordered = null;
        foreach (var key in s.Keys)
        {
            // NULLs last in both directions.
            Func<object?[], (bool, object?)> selector = r => (Eval(key.Expr, [(schema, r)], p) is null, Eval(key.Expr, [(schema, r)], p));
            var comparer = Comparer<(bool, object?)>.Create((x, y) => x.Item1 != y.Item1 ? x.Item1.CompareTo(y.Item1) : (key.Descending ? -1 : 1) * Compare(x.Item2, y.Item2));
            ordered = ordered is null ? rows.OrderBy(selector, comparer) : ordered.ThenBy(selector, comparer);
        }
        return ordered?.ToList() ?? rows;
    }

    private static List<object?[]> Aggregate(List<object?[]> rows, AggregateNode a, Schema schema, Dictionary<string, object?> p)
    {
        var groups = a.Keys.IsEmpty
            ? [rows.GroupBy(_ => "").FirstOrDefault() is { } g ? g.ToList() : []]
            : rows.GroupBy(r => Key(a.Keys.Select(k => Eval(k.Expr, [(schema, r)], p)).ToArray())).Select(g => g.ToList()).ToList();
        return groups.Where(g => g.Count > 0 || a.Keys.IsEmpty).Select(g =>
            a.Keys.Select(k => g.Count == 0 ? null : Eval(k.Expr, [(schema, g[0])], p))
             .Concat(a.Aggregates.Select(call =>
             {
                 var values = call.Argument is null ? [] : g.Select(r => Eval(call.Argument, [(schema, r)], p)).Where(v => v is not null).ToList();
                 return call.Function switch
                 {
                     AggregateFunction.CountAll => (object?)(long)g.Count,
                     AggregateFunction.Count => (long)values.Count,
                     AggregateFunction.CountDistinct => (long)values.Distinct().Count(),
                     AggregateFunction.Sum => values.Count == 0 ? null : values.Aggregate((x, y) => Arith(BinaryOp.Add, x, y, call.Type)),
                     AggregateFunction.Min => values.Count == 0 ? null : values.MinBy(v => v, Comparer<object?>.Create(Compare)),
                     AggregateFunction.Max => values.Count == 0 ? null : values.MaxBy(v => v, Comparer<object?>.Create(Compare)),
                     _ => values.Count == 0 ? null : values.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).Average(),
                 };
             })).ToArray()).ToList();
    }

    private static List<object?[]> Join(List<object?[]> left, List<object?[]> right, JoinNode j, Schema ls, Schema rs, Dictionary<string, object?> p)
    {
        var result = new List<object?[]>();
        var rightMatched = new bool[right.Count];
        object?[] Row(object?[]? l, object?[]? r) => j.Outputs.Select(o => o.Side == 0 ? l?[ls.IndexOf(o.Column)] : r?[rs.IndexOf(o.Column)]).ToArray();
        foreach (var l in left)
        {
            bool matched = false;
            for (int i = 0; i < right.Count; i++)
            {
                if (Eval(j.Condition, [(ls, l), (rs, right[i])], p) is not true) continue;
                matched = rightMatched[i] = true;
                result.Add(Row(l, right[i]));
            }
            if (!matched && j.Kind is JoinKind.Left or JoinKind.Full) result.Add(Row(l, null));
        }
        if (j.Kind is JoinKind.Right or JoinKind.Full)
            for (int i = 0; i < right.Count; i++)
                if (!rightMatched[i]) result.Add(Row(null, right[i]));
        return result;
    }

    private static string Key(object?[] row) => string.Join("\u0001", row.Select(Render));

    private static string Render(object? v) => v switch
    {
        null => "NULL",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString()!,
    };

    private static object? Widen(object? v, SqlType type) => (v, type) switch
    {
        (long l, SqlType.Float64) => (double)l,
        (long l, SqlType.Decimal) => (decimal)l,
        _ => v,
    };

    private static int Compare(object? x, object? y) => (x, y) switch
    {
        (string a, string b) => string.CompareOrdinal(a, b),
        (bool a, bool b) => a.CompareTo(b),
        (long a, long b) => a.CompareTo(b),
        _ => Convert.ToDouble(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(y, CultureInfo.InvariantCulture)),
    };

    private static object? Arith(BinaryOp op, object? x, object? y, SqlType type)
    {
        if (x is null || y is null) return null;
        if (type == SqlType.Int64)
        {
            long a = (long)x, b = (long)y;
            return op switch { BinaryOp.Add => a + b, BinaryOp.Subtract => a - b, BinaryOp.Multiply => a * b, _ => a % b };
        }
        double c = Convert.ToDouble(x, CultureInfo.InvariantCulture), d = Convert.ToDouble(y, CultureInfo.InvariantCulture);
        return op switch { BinaryOp.Add => c + d, BinaryOp.Subtract => c - d, BinaryOp.Multiply => c * d, _ => c / d };
    }

    private static object? Eval(Expr e, (Schema Schema, object?[] Row)[] rows, Dictionary<string, object?> p)
    {
        object? E(Expr x) => Eval(x, rows, p);
        switch (e)
        {
            case ColumnRef c: return rows[c.Input].Row[rows[c.Input].Schema.IndexOf(c.Name)];
            case Literal l: return l.Value;
            case ParamRef r: return p[r.Name];
            case Unary { Op: UnaryOp.Not } u: return E(u.Operand) is bool truth ? !truth : null;
            case Unary u: return E(u.Operand) switch { long l => -l, double d => -d, decimal m => -m, _ => null };
            case Binary { Op: BinaryOp.And } b:
                var (la, ra) = (E(b.Left), E(b.Right));
                return la is false || ra is false ? false : la is null || ra is null ? null : true;
            case Binary { Op: BinaryOp.Or } b:
                var (lo, ro) = (E(b.Left), E(b.Right));
                return lo is true || ro is true ? true : lo is null || ro is null ? null : false;
            case Binary b:
                var (x, y) = (E(b.Left), E(b.Right));
                if (x is null || y is null) return null;
                return b.Op switch
                {
                    BinaryOp.Equal => Compare(x, y) == 0,
                    BinaryOp.NotEqual => Compare(x, y) != 0,
                    BinaryOp.Less => Compare(x, y) < 0,
                    BinaryOp.LessOrEqual => Compare(x, y) <= 0,
                    BinaryOp.Greater => Compare(x, y) > 0,
                    BinaryOp.GreaterOrEqual => Compare(x, y) >= 0,
                    BinaryOp.Concat => (string)x + (string)y,
                    _ => Arith(b.Op, x, y, b.Type),
                };
            case IsNull n: return (E(n.Operand) is null) != n.Negated;
            case Cast c: return Widen(E(c.Operand), c.Type);
            case Call { Function.Name: "coalesce" } call: return call.Args.Select(E).FirstOrDefault(v => v is not null);
            case Case cs:
                foreach (var w in cs.Whens)
                    if (E(w.Condition) is true) return E(w.Result);
                return cs.Else is null ? null : E(cs.Else);
            case InList i:
                var v = E(i.Operand);
                if (v is null) return null;
                var items = i.Items.Select(E).ToList();
                bool found = items.Any(it => it is not null && Compare(v, it) == 0);
                return found ? !i.Negated : items.Any(it => it is null) ? null : i.Negated;
            default: throw new NotSupportedException(e.GetType().Name);
        }
    }
}
