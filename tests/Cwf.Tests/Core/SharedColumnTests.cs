using Cwf.Ir;
using Cwf.Tests.Canvas;

namespace Cwf.Tests.Core;

/// <summary>
/// A derived schema shares the column objects (and the schema) of its input where a step passes them on
/// unchanged, and never where a name, type or nullability differs; equality stays by value (spec/ir.md, "Shared columns").
/// </summary>
public class SharedColumnTests
{
    private static readonly Schema Left = new([new Column("id", SqlType.Int64, false), new Column("fare", SqlType.Float64), new Column("name", SqlType.String)]);
    private static readonly Schema Right = new([new Column("id", SqlType.Int64, false), new Column("rate", SqlType.Float64)]);
    private static readonly TableName Table = TableName.TryParse("s.t")!;

    private static (WorkflowBuilder Builder, int Left, int Right) Scans()
    {
        var b = new WorkflowBuilder("w");
        return (b, b.Scan(Table, Left, "l").Id, b.Scan(TableName.TryParse("s.r")!, Right, "r").Id);
    }

    private static Expr IdsEqual => ExprFactory.Eq(ExprFactory.Column(Left[0], 0), ExprFactory.Column(Right[0], 1));

    [Fact]
    public void An_inner_join_shares_the_columns_it_keeps_and_makes_the_renamed_ones()
    {
        var (b, l, r) = Scans();
        var join = b.Join(l, r, JoinKind.Inner, IdsEqual, WorkflowBuilder.JoinedSuffixOutputs(Left, Right), "j");
        for (int i = 0; i < Left.Count; i++) Assert.Same(Left[i], join.Schema[i]);
        Assert.Equal(new Column("id_joined", SqlType.Int64, false), join.Schema[3]);
        Assert.Equal(new Column("rate_joined", SqlType.Float64), join.Schema[4]);
    }

    [Fact]
    public void An_outer_join_makes_its_own_column_where_nullability_changes()
    {
        var (b, l, r) = Scans();
        Seq<JoinOutput> outputs = [new(0, "id", "id"), new(1, "id", "id"), new(1, "rate", "rate")];
        var left = b.Join(l, r, JoinKind.Left, IdsEqual, outputs, "left").Schema;
        Assert.Same(Left[0], left[0]);
        Assert.NotSame(Right[0], left[1]);
        Assert.Equal(new Column("id", SqlType.Int64, true), left[1]);
        Assert.Same(Right[1], left[2]);

        var full = b.Join(l, r, JoinKind.Full, IdsEqual, outputs, "full").Schema;
        Assert.Equal(new Column("id", SqlType.Int64, true), full[0]);
        Assert.NotSame(Left[0], full[0]);
    }

    [Fact]
    public void A_projection_passing_every_column_on_in_order_has_its_inputs_schema()
    {
        var (b, l, _) = Scans();
        var project = b.Project(l, Left.Columns.Select(c => c.PassThrough), "p");
        Assert.Same(Left, project.Schema);
    }

    [Fact]
    public void A_projection_shares_kept_and_moved_columns_and_makes_changed_ones()
    {
        var (b, l, _) = Scans();
        var project = b.Project(l, [
            new NamedExpr("name", ExprFactory.Column(Left[2])),                                   // moved: shared
            new NamedExpr("fare", ExprFactory.Binary(BinaryOp.Add, ExprFactory.Column(Left[1]), Literal.Float(1))), // same name, type, nullability: shared
            new NamedExpr("ID", ExprFactory.Column(Left[0])),                                     // renamed by case: its own column
            new NamedExpr("fare_text", ExprFactory.Cast(ExprFactory.Column(Left[1]), SqlType.String)),
        ], "p");
        Assert.Same(Left[2], project.Schema[0]);
        Assert.Same(Left[1], project.Schema[1]);
        Assert.NotSame(Left[0], project.Schema[2]);
        Assert.Equal("ID", project.Schema[2].Name);
        Assert.Equal(new Column("fare_text", SqlType.String), project.Schema[3]);
        Assert.NotSame(Left, project.Schema);
    }

    [Fact]
    public void A_projection_that_changes_a_columns_type_in_place_makes_its_own()
    {
        var (b, l, _) = Scans();
        var project = b.Project(l, [Left[0].PassThrough, new NamedExpr("fare", ExprFactory.Cast(ExprFactory.Column(Left[1]), SqlType.String)), Left[2].PassThrough], "p");
        Assert.Equal(new Column("fare", SqlType.String), project.Schema[1]);
        Assert.NotSame(Left, project.Schema);
        Assert.Same(Left[2], project.Schema[2]);
    }

    [Fact]
    public void A_union_shares_its_first_inputs_schema_unless_a_column_widens()
    {
        var (b, l, _) = Scans();
        int same = b.Scan(TableName.TryParse("s.u")!, new Schema([.. Left.Columns]), "u").Id;
        Assert.Same(Left, b.UnionAll([l, same], "u1").Schema);

        int nullableId = b.Scan(TableName.TryParse("s.v")!, new Schema([new Column("id", SqlType.Int64), Left[1], Left[2]]), "v").Id;
        var widened = b.UnionAll([l, nullableId], "u2").Schema;
        Assert.Equal(new Column("id", SqlType.Int64, true), widened[0]);
        Assert.Same(Left[1], widened[1]);
    }

    [Fact]
    public void A_columns_pass_through_item_is_one_instance_and_a_changed_copy_makes_its_own()
    {
        var fare = new Column("fare", SqlType.Float64);
        Assert.Same(fare.PassThrough, fare.PassThrough);
        Assert.Equal(new NamedExpr("fare", new ColumnRef("fare", SqlType.Float64, true, 0)), fare.PassThrough);
        var notNull = fare with { Nullable = false };
        Assert.False(notNull.PassThrough.Expr.Nullable);
        Assert.Equal(new ColumnRef("fare", SqlType.Float64, false), notNull.PassThrough.Expr);
    }

    [Fact]
    public void Columns_compare_by_value_whatever_they_share()
    {
        var a = new Column("fare", SqlType.Float64);
        var b = new Column("fare", SqlType.Float64);
        _ = a.PassThrough;
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new Column("Fare", SqlType.Float64));
        Assert.NotEqual(a, new Column("fare", SqlType.Float64, false));
        Assert.NotEqual(a, new Column("fare", SqlType.Decimal));
        Assert.True(a == b);
    }

    [Fact]
    public void A_select_item_equal_to_a_pass_through_becomes_the_columns_own()
    {
        var bound = new NamedExpr("fare", ExprFactory.Column(Left[1]));
        Assert.Same(Left[1].PassThrough, bound.SharedOver(Left, 1));
        Assert.Same(Left[1].PassThrough, bound.SharedOver(Left, 0));
        var renamed = new NamedExpr("Fare", ExprFactory.Column(Left[1]));
        Assert.Same(renamed, renamed.SharedOver(Left, 1));
        var otherSide = new NamedExpr("fare", ExprFactory.Column(Left[1], 1));
        Assert.Same(otherSide, otherSide.SharedOver(Left, 1));
        var computed = new NamedExpr("fare", ExprFactory.Binary(BinaryOp.Add, ExprFactory.Column(Left[1]), Literal.Float(1)));
        Assert.Same(computed, computed.SharedOver(Left, 1));
    }

    [Fact]
    public void A_bound_pipeline_shares_columns_from_step_to_step()
    {
        var workflow = CwfTestKit.Bind("""
            source t = table "src.trips" { id: int64, fare: float64, name: string }
            source r = table "src.rates" { id: int64, rate: float64 }
            output t | join r on id | derive fare = fare + rate_joined | select id, fare, name -> table "out.o"
            """);
        var scan = workflow.Nodes.OfType<ScanNode>().Single(s => s.Name == "t");
        var join = workflow.Nodes.OfType<JoinNode>().Single();
        var derive = workflow.Nodes.OfType<ProjectNode>().First();
        var select = workflow.Nodes.OfType<ProjectNode>().Last();
        Assert.Same(scan.Schema[0], join.Schema[0]);
        Assert.Same(scan.Schema[2], select.Schema[2]);
        Assert.Same(join.Schema[4], derive.Schema[4]);
        Assert.Same(join.Schema[0].PassThrough, derive.Columns[0]);
        Assert.Same(derive.Schema[0].PassThrough, select.Columns[0]);
        Assert.Same(derive.Schema[1], select.Schema[1]);
    }

    [Fact]
    public void Shared_schemas_equal_the_schemas_made_column_by_column()
    {
        const int seed = 2024_12_07;
        var random = new Random(seed);
        SqlType[] types = [SqlType.Int64, SqlType.Float64, SqlType.String];
        for (int round = 0; round < 500; round++)
        {
            var input = new Schema([.. Enumerable.Range(0, random.Next(1, 12)).Select(i =>
                new Column(random.Next(3) == 0 ? $"C{i}" : $"c{i}", types[random.Next(types.Length)], random.Next(2) == 0))]);
            var items = Enumerable.Range(0, random.Next(1, 12)).Select(i =>
            {
                var source = input[random.Next(input.Count)];
                Expr expr = random.Next(4) switch
                {
                    0 => ExprFactory.Cast(ExprFactory.Column(source), types[random.Next(types.Length)]),
                    1 => new ColumnRef(source.Name.ToUpperInvariant(), source.Type, source.Nullable),
                    _ => ExprFactory.Column(source),
                };
                string name = random.Next(3) == 0 ? source.Name.ToUpperInvariant() : random.Next(2) == 0 ? source.Name : $"n{i}";
                return new NamedExpr(name, expr);
            }).ToList();
            var b = new WorkflowBuilder("w");
            int scan = b.Scan(Table, input, "s").Id;
            var schema = b.Project(scan, items, "p").Schema;
            var byValue = new Schema([.. items.Select(c => c.ToColumn())]);
            Assert.True(byValue.Equals(schema), $"seed {seed}, round {round}: {schema} is not {byValue}");
            for (int i = 0; i < items.Count; i++)
                Assert.Equal(items[i], items[i].SharedOver(input, i));
        }
    }
}
