using Cwf.Ir;
using Cwf.Tests.Canvas;

namespace Cwf.Tests.Core;

/// <summary>
/// The objects a builder shares between nodes (spec/ir.md, "Shared columns"): the canvas join outputs and the
/// columns they rename, equal schemas, and the one reference per column. Each is shared only where it is equal by
/// value, and equality stays by value.
/// </summary>
public class SharedIrObjectTests
{
    private static readonly Schema Left = new([new Column("id", SqlType.Int64, false), new Column("fare", SqlType.Float64), new Column("name", SqlType.String)]);
    private static readonly Schema Right = new([new Column("id", SqlType.Int64, false), new Column("rate", SqlType.Float64)]);

    private static (WorkflowBuilder Builder, int Left, int Right) Scans()
    {
        var b = new WorkflowBuilder("w");
        return (b, b.Scan(TableName.TryParse("s.l")!, Left, "l").Id, b.Scan(TableName.TryParse("s.r")!, Right, "r").Id);
    }

    private static Expr IdsEqual => ExprFactory.Eq(ExprFactory.Column(Left[0], 0), ExprFactory.Column(Right[0], 1));

    [Fact]
    public void The_joins_of_a_builder_share_their_outputs_and_equal_the_lists_made_afresh()
    {
        var (b, l, r) = Scans();
        var first = b.JoinedSuffixOutputs(l, r);
        Assert.Equal(WorkflowBuilder.JoinedSuffixOutputs(Left, Right), first);
        var again = b.JoinedSuffixOutputs(l, r);
        Assert.True(first.Items == again.Items, "the same list");

        var wider = new Schema([.. Left.Columns, new Column("rate", SqlType.Float64)]);
        int w = b.Scan(TableName.TryParse("s.w")!, wider, "w").Id;
        var other = b.JoinedSuffixOutputs(w, r);
        Assert.Equal(WorkflowBuilder.JoinedSuffixOutputs(wider, Right), other);
        Assert.False(first.Items == other.Items);
        for (int i = 0; i < Left.Count; i++) Assert.Same(first[i], other[i]);
        // The left side's rate keeps its name; the right side's is renamed: one name, two outputs.
        Assert.Equal(new JoinOutput(0, "rate", "rate"), other[3]);
        Assert.Equal(new JoinOutput(1, "rate", "rate_joined"), other[5]);
        Assert.Same(first[4], other[5]);
    }

    [Fact]
    public void Shared_join_outputs_equal_the_lists_made_afresh_over_random_schemas()
    {
        const int seed = 2026_12_07;
        var random = new Random(seed);
        string[] names = ["id", "ID", "rate", "rate_joined", "fare", "geom"];
        Schema RandomSchema() => new([.. names.Where(_ => random.Next(2) == 0).DefaultIfEmpty("x").Select(n => new Column(n, SqlType.Int64))]);
        var b = new WorkflowBuilder("w");
        var scans = Enumerable.Range(0, 12).Select(i => b.Scan(TableName.TryParse($"s.t{i}")!, RandomSchema(), $"t{i}").Id).ToList();
        for (int round = 0; round < 300; round++)
        {
            int l = scans[random.Next(scans.Count)], r = scans[random.Next(scans.Count)];
            var expected = WorkflowBuilder.JoinedSuffixOutputs(b.SchemaOf(l), b.SchemaOf(r));
            Assert.True(expected.Equals(b.JoinedSuffixOutputs(l, r)), $"seed {seed}, round {round}: {l} ⋈ {r}");
        }
    }

    [Fact]
    public void A_sequence_passed_as_an_enumerable_is_kept_and_anything_else_copied()
    {
        Seq<int> seq = [1, 2, 3];
        Assert.True(((IEnumerable<int>)seq).ToSeq().Items == seq.Items);
        var list = new List<int> { 1, 2, 3 };
        var copied = list.ToSeq();
        list[0] = 9;
        Assert.Equal(seq, copied);
    }

    [Fact]
    public void A_left_side_named_like_a_renamed_right_side_keeps_its_own_output()
    {
        var b = new WorkflowBuilder("w");
        var left = new Schema([new Column("id_joined", SqlType.Int64)]);
        int l = b.Scan(TableName.TryParse("s.l")!, left, "l").Id, r = b.Scan(TableName.TryParse("s.r")!, Right, "r").Id;
        var outputs = b.JoinedSuffixOutputs(l, r);
        Assert.Equal(WorkflowBuilder.JoinedSuffixOutputs(left, Right), outputs);
        Assert.Equal(new JoinOutput(0, "id_joined", "id_joined"), outputs[0]);
        Assert.Equal(new JoinOutput(1, "id", "id_joined"), outputs[1]);
    }

    [Fact]
    public void Joins_sharing_an_output_share_the_renamed_column_only_where_its_nullability_agrees()
    {
        var (b, l, r) = Scans();
        var outputs = b.JoinedSuffixOutputs(l, r);
        var inner = b.Join(l, r, JoinKind.Inner, IdsEqual, outputs, "inner").Schema;
        var innerAgain = b.Join(l, r, JoinKind.Inner, IdsEqual, outputs, "inner2").Schema;
        Assert.Same(inner[3], innerAgain[3]);
        Assert.Equal(new Column("id_joined", SqlType.Int64, false), inner[3]);

        var left = b.Join(l, r, JoinKind.Left, IdsEqual, outputs, "left").Schema;
        Assert.Equal(new Column("id_joined", SqlType.Int64, true), left[3]);
        Assert.Same(Left[0], left[0]);
        var full = b.Join(l, r, JoinKind.Full, IdsEqual, outputs, "full").Schema;
        Assert.Equal(new Column("id", SqlType.Int64, true), full[0]);
        // The inner join's column was not changed by the outer joins, and a later inner join is not nullable either.
        Assert.False(inner[3].Nullable);
        Assert.Equal(new Column("id_joined", SqlType.Int64, false), b.Join(l, r, JoinKind.Inner, IdsEqual, outputs, "inner3").Schema[3]);
    }

    [Fact]
    public void An_output_copied_with_another_name_makes_its_own_column()
    {
        var output = new JoinOutput(1, "rate", "rate_joined");
        var made = output.Over(Right[1], optional: false);
        Assert.Equal(new Column("rate_joined", SqlType.Float64), made);
        Assert.Same(made, output.Over(Right[1], optional: false));
        var renamed = output with { Name = "r" };
        Assert.Equal(new Column("r", SqlType.Float64), renamed.Over(Right[1], optional: false));
        Assert.Same(Right[1], (output with { Name = "rate" }).Over(Right[1], optional: false));
    }

    [Fact]
    public void Join_outputs_compare_by_value_whatever_column_they_made()
    {
        var a = new JoinOutput(1, "rate", "rate_joined");
        _ = a.Over(Right[1], optional: true);
        var b = new JoinOutput(1, "rate", "rate_joined");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new JoinOutput(0, "rate", "rate_joined"));
        Assert.NotEqual(a, new JoinOutput(1, "Rate", "rate_joined"));
        Assert.NotEqual(a, new JoinOutput(1, "rate", "rate_Joined"));
    }

    [Fact]
    public void Branches_that_compute_equal_columns_share_one_schema_and_no_other()
    {
        var (b, l, _) = Scans();
        NamedExpr Computed(string name, Expr expr) => new(name, expr);
        var fare = ExprFactory.Column(Left[1]);
        var one = b.Project(l, [Left[0].PassThrough, Computed("y", ExprFactory.Binary(BinaryOp.Multiply, fare, Literal.Float(1)))], "one").Schema;
        var two = b.Project(l, [Left[0].PassThrough, Computed("y", ExprFactory.Binary(BinaryOp.Multiply, fare, Literal.Float(2)))], "two").Schema;
        Assert.Same(one, two);

        var renamed = b.Project(l, [Left[0].PassThrough, Computed("Y", ExprFactory.Binary(BinaryOp.Multiply, fare, Literal.Float(3)))], "renamed").Schema;
        var retyped = b.Project(l, [Left[0].PassThrough, Computed("y", ExprFactory.Cast(fare, SqlType.String))], "retyped").Schema;
        var notNull = b.Project(l, [Left[0].PassThrough, Computed("y", Literal.Float(4))], "not null").Schema;
        Assert.Equal(4, new[] { one, renamed, retyped, notNull }.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(new Column("y", SqlType.Float64, false), notNull[1]);

        var closed = b.Scan(TableName.TryParse("s.c")!, new Schema([.. Right.Columns]), "closed").Schema;
        var open = b.Scan(TableName.TryParse("s.o")!, new Schema([.. Right.Columns], isOpen: true), "open").Schema;
        Assert.Same(Right, closed);
        Assert.True(open.IsOpen);
        Assert.NotSame(closed, open);
    }

    [Fact]
    public void A_column_has_one_reference_from_the_first_input_and_a_copy_its_own()
    {
        var fare = new Column("fare", SqlType.Float64);
        Assert.Same(ExprFactory.Column(fare), ExprFactory.Column(fare, 0));
        Assert.Same(fare.PassThrough.Expr, ExprFactory.Column(fare));
        Assert.Equal(new ColumnRef("fare", SqlType.Float64, true, 0), ExprFactory.Column(fare));
        Assert.NotSame(ExprFactory.Column(fare, 1), ExprFactory.Column(fare, 1));
        Assert.Equal(new ColumnRef("fare", SqlType.Float64, true, 1), ExprFactory.Column(fare, 1));
        var notNull = fare with { Nullable = false };
        Assert.Equal(new ColumnRef("fare", SqlType.Float64, false, 0), ExprFactory.Column(notNull));
    }

    [Fact]
    public void A_bound_chain_of_joins_shares_outputs_schemas_and_references()
    {
        var workflow = CwfTestKit.Bind("""
            source t = table "src.trips" { id: int64, fare: float64, name: string }
            source r = table "src.rates" { id: int64, rate: float64 }
            output t
              | join r on id | derive fare = fare + rate_joined | select id, fare, name
              | join r on id | derive fare = fare + rate_joined | select id, fare, name
              -> table "out.o"
            """);
        var joins = workflow.Nodes.OfType<JoinNode>().ToList();
        Assert.Equal(2, joins.Count);
        Assert.True(joins[0].Outputs.Items == joins[1].Outputs.Items, "one list of outputs");
        Assert.Same(joins[0].Schema, joins[1].Schema);
        var derives = workflow.Nodes.OfType<ProjectNode>().Where(p => p.Columns.Any(c => c.Name == "fare" && c.Expr is Binary)).ToList();
        Assert.Equal(2, derives.Count);
        var sums = derives.Select(d => (Binary)d.Columns.Single(c => c.Name == "fare").Expr).ToList();
        Assert.Same(sums[0].Right, sums[1].Right);
        Assert.Equal("rate_joined", ((ColumnRef)sums[0].Right).Name);
    }
}
