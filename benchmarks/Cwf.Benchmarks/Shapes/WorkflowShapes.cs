using Cwf.Ir;

namespace Cwf.Benchmarks.Shapes;

/// <summary>Generated workflows of a chosen size for the compiler benchmarks (the tests reuse them for the 10,000-step checks).</summary>
public static class WorkflowShapes
{
    public static Schema Cities { get; } = new([
        new("id", SqlType.Int64, false), new("name", SqlType.String), new("population", SqlType.Int64),
        new("country", SqlType.String), new("geom", SqlType.Geography)]);

    /// <summary>
    /// A scan, then steps cycling through derive (adds a column), filter and select (drops it
    /// again), then a sink: <paramref name="steps"/> nodes in all. Every filter can move to the
    /// scan, so the optimizer has real work at every size.
    /// </summary>
    public static Workflow LinearChain(int steps)
    {
        var b = new WorkflowBuilder("chain");
        int current = b.Scan(TableName.TryParse("cities")!, Cities, "cities").Id;
        for (int i = 1; i < steps - 1; i++)
        {
            var schema = b.SchemaOf(current);
            var keep = schema.Columns.Where(c => c.Name != "extra").Select(c => new NamedExpr(c.Name, ExprFactory.Column(c))).ToList();
            current = (i % 3) switch
            {
                1 => b.Project(current, keep.Append(new NamedExpr("extra",
                        ExprFactory.Binary(BinaryOp.Add, ExprFactory.Column(schema.Find("id")!), Literal.Int(i)))), $"derive{i}").Id,
                2 => b.Filter(current, ExprFactory.Binary(BinaryOp.Greater, ExprFactory.Column(schema.Find("extra")!), Literal.Int(i)), FilterBranch.Match, $"filter{i}").Id,
                _ => b.Project(current, keep, $"select{i}").Id,
            };
        }
        b.Sink(current, TableName.TryParse("out")!, WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    public static Schema Counters { get; } = new([
        new("id", SqlType.Int64, false), new("w", SqlType.Int64), new("c", SqlType.Int64)]);

    /// <summary>
    /// A scan, then steps cycling <c>w := w + i</c> (a column redefined in place), a filter
    /// <c>w &gt; c</c> and <c>k := id * c</c>, then a sink: <paramref name="steps"/> nodes in all.
    /// Moving a filter below the redefinitions, or merging them, substitutes <c>w</c>'s whole
    /// history: without a bound on that growth the output is quadratic in the chain.
    /// </summary>
    public static Workflow RedefinedColumnChain(int steps)
    {
        var b = new WorkflowBuilder("redefined");
        int current = b.Scan(TableName.TryParse("counters")!, Counters, "counters").Id;
        for (int i = 1; i < steps - 1; i++)
        {
            var schema = b.SchemaOf(current);
            var w = ExprFactory.Column(schema.Find("w")!);
            var c = ExprFactory.Column(schema.Find("c")!);
            current = (i % 3) switch
            {
                1 => b.Project(current, schema.Columns.Select(col => new NamedExpr(col.Name,
                        col.Name == "w" ? ExprFactory.Binary(BinaryOp.Add, w, Literal.Int(i)) : ExprFactory.Column(col))), $"derive_w{i}").Id,
                2 => b.Filter(current, ExprFactory.Binary(BinaryOp.Greater, w, c), FilterBranch.Match, $"filter{i}").Id,
                _ => b.Project(current, schema.Columns.Where(col => col.Name != "k").Select(col => new NamedExpr(col.Name, ExprFactory.Column(col)))
                        .Append(new NamedExpr("k", ExprFactory.Binary(BinaryOp.Multiply, ExprFactory.Column(schema.Find("id")!), c))), $"derive_k{i}").Id,
            };
        }
        b.Sink(current, TableName.TryParse("out")!, WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    /// <summary>
    /// <paramref name="width"/> branches (scan, filter, derive) combined by a union all, grouped
    /// and written; every tenth branch is also written on its own, so some results are shared.
    /// About 3 × width + 3 nodes.
    /// </summary>
    public static Workflow WideDag(int width)
    {
        var b = new WorkflowBuilder("wide");
        var branches = new List<int>(width);
        for (int i = 0; i < width; i++)
        {
            var scan = b.Scan(TableName.TryParse($"cities_{i}")!, Cities, $"cities{i}");
            var filter = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, ExprFactory.Column(Cities.Find("population")!), Literal.Int(i)), FilterBranch.Match, $"big{i}");
            var derive = b.Project(filter.Id, [
                new("country", ExprFactory.Column(Cities.Find("country")!)),
                new("population", ExprFactory.Column(Cities.Find("population")!)),
                new("area", ExprFactory.Call(Functions.Area, ExprFactory.Call(Functions.Buffer, ExprFactory.Column(Cities.Find("geom")!), Literal.Float(100)))),
            ], $"area{i}");
            if (i % 10 == 0) b.Sink(derive.Id, TableName.TryParse($"branch_{i}")!, WriteMode.Replace, $"branch{i}");
            branches.Add(derive.Id);
        }
        var union = b.UnionAll(branches, "all");
        var schema = b.SchemaOf(union.Id);
        var agg = b.Aggregate(union.Id, [new("country", ExprFactory.Column(schema.Find("country")!))],
            [new AggregateCall("total", AggregateFunction.Sum, ExprFactory.Column(schema.Find("population")!))], "per_country");
        b.Sink(agg.Id, TableName.TryParse("totals")!, WriteMode.Replace, "totals");
        return b.ToWorkflow();
    }

    /// <summary>
    /// One scan and one shared derive read by (<paramref name="steps"/> - 5) / 2 branches, each a
    /// filter and a derive of its own; every branch goes into one union all (then a group-by and a
    /// sink), and every tenth is also written on its own. About <paramref name="steps"/> nodes.
    /// </summary>
    public static Workflow SharedFanOut(int steps)
    {
        var b = new WorkflowBuilder("fanout");
        var scan = b.Scan(TableName.TryParse("cities")!, Cities, "cities");
        var population = ExprFactory.Column(Cities.Find("population")!);
        var shared = b.Project(scan.Id, Cities.Columns.Select(c => new NamedExpr(c.Name, ExprFactory.Column(c)))
            .Append(new NamedExpr("x", ExprFactory.Binary(BinaryOp.Multiply, population, Literal.Int(2)))), "shared");
        var x = ExprFactory.Column(b.SchemaOf(shared.Id).Find("x")!);
        int width = Math.Max(1, (steps - 5) / 2);
        var branches = new List<int>(width);
        for (int i = 0; i < width; i++)
        {
            var filter = b.Filter(shared.Id, ExprFactory.Binary(BinaryOp.Greater, x, Literal.Int(i)), FilterBranch.Match, $"over{i}");
            var derive = b.Project(filter.Id, [
                new("id", ExprFactory.Column(Cities.Find("id")!)),
                new("y", ExprFactory.Binary(BinaryOp.Multiply, x, Literal.Int(i))),
            ], $"scaled{i}");
            if (i % 10 == 0) b.Sink(derive.Id, TableName.TryParse($"branch_{i}")!, WriteMode.Replace, $"branch{i}");
            branches.Add(derive.Id);
        }
        var union = b.UnionAll(branches, "all");
        var schema = b.SchemaOf(union.Id);
        var agg = b.Aggregate(union.Id, [new("id", ExprFactory.Column(schema.Find("id")!))],
            [new AggregateCall("y_sum", AggregateFunction.Sum, ExprFactory.Column(schema.Find("y")!))], "per_id");
        b.Sink(agg.Id, TableName.TryParse("totals")!, WriteMode.Replace, "totals");
        return b.ToWorkflow();
    }

    public static Schema Rates { get; } = new([new("id", SqlType.Int64, false), new("rate", SqlType.Int64)]);

    /// <summary>
    /// A chain of joins nested as deep as the workflow is long: a scan of counters, then steps
    /// cycling an inner join of the running result with a small table of rates on <c>id</c>, a
    /// derive <c>w := w + rate_joined</c> and a select back to the counter columns; every tenth
    /// join reads, instead of the rates, a filtered branch of the running result itself (a
    /// self-join, so that result is shared). About <paramref name="steps"/> nodes.
    /// </summary>
    public static Workflow JoinChain(int steps)
    {
        var b = new WorkflowBuilder("joins");
        int current = b.Scan(TableName.TryParse("counters")!, Counters, "counters").Id;
        int rates = b.Scan(TableName.TryParse("rates")!, Rates, "rates").Id;
        int joins = 0, phase = 0;
        for (int i = 2; i < steps - 1; i++)
        {
            var schema = b.SchemaOf(current);
            switch (phase++ % 3)
            {
                case 0:
                    int right = rates;
                    if (++joins % 10 == 0)
                    {
                        right = b.Project(current, [
                            new("id", ExprFactory.Column(schema.Find("id")!)),
                            new("rate", ExprFactory.Column(schema.Find("c")!)),
                        ], $"branch{i}").Id;
                        i++;
                    }
                    var rightSchema = b.SchemaOf(right);
                    var on = ExprFactory.Eq(ExprFactory.Column(schema.Find("id")!), ExprFactory.Column(rightSchema.Find("id")!, input: 1));
                    current = b.Join(current, right, JoinKind.Inner, on, WorkflowBuilder.JoinedSuffixOutputs(schema, rightSchema), $"join{i}").Id;
                    break;
                case 1:
                    current = b.Project(current, schema.Columns.Select(col => new NamedExpr(col.Name, col.Name == "w"
                        ? ExprFactory.Binary(BinaryOp.Add, ExprFactory.Column(col), ExprFactory.Column(schema.Find("rate_joined")!))
                        : ExprFactory.Column(col))), $"add{i}").Id;
                    break;
                default:
                    current = b.Project(current, Counters.Columns.Select(col => new NamedExpr(col.Name, ExprFactory.Column(schema.Find(col.Name)!))), $"select{i}").Id;
                    break;
            }
        }
        b.Sink(current, TableName.TryParse("out")!, WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    /// <summary>
    /// A scan, then <paramref name="steps"/> - 2 filters on the same column, alternating
    /// <c>population &gt; i</c> and <c>population &lt; 1,000,000,000 - i</c>, then a sink: the
    /// optimizer merges them all into one filter on the scan.
    /// </summary>
    public static Workflow SameColumnFilters(int steps)
    {
        var b = new WorkflowBuilder("filters");
        int current = b.Scan(TableName.TryParse("cities")!, Cities, "cities").Id;
        var population = ExprFactory.Column(Cities.Find("population")!);
        for (int i = 1; i < steps - 1; i++)
        {
            var condition = i % 2 == 1
                ? ExprFactory.Binary(BinaryOp.Greater, population, Literal.Int(i))
                : ExprFactory.Binary(BinaryOp.Less, population, Literal.Int(1_000_000_000 - i));
            current = b.Filter(current, condition, FilterBranch.Match, $"filter{i}").Id;
        }
        b.Sink(current, TableName.TryParse("out")!, WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    /// <summary>The shapes by name (chain, redefined, wide, fanout, joins, filters) at about <paramref name="steps"/> nodes each.</summary>
    public static Workflow ByName(string shape, int steps) => shape switch
    {
        "chain" => LinearChain(steps),
        "redefined" => RedefinedColumnChain(steps),
        "wide" => WideDag(Math.Max(1, (steps - 3) / 3)),
        "fanout" => SharedFanOut(steps),
        "joins" => JoinChain(steps),
        "filters" => SameColumnFilters(steps),
        _ => throw new ArgumentException($"no workflow shape named '{shape}'", nameof(shape)),
    };

    public static IReadOnlyList<string> Names { get; } = ["chain", "redefined", "wide", "fanout", "joins", "filters"];
}
