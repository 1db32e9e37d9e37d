using Cwf.Ir;

namespace Cwf.Tests.Core;

public class WorkflowTests
{
    private static readonly Schema Ab = new([new Column("a", SqlType.Int64), new Column("b", SqlType.String)]);

    [Fact]
    public void Nodes_are_sorted_topologically_and_stably()
    {
        var scan = new ScanNode(5, "s", TableName.TryParse("x.y")!, Ab);
        var filter = new FilterNode(2, "f", 5, Literal.Bool(true), FilterBranch.Match);
        var other = new ScanNode(9, "o", TableName.TryParse("x.z")!, Ab);
        var workflow = new Workflow("w", [], [filter, other, scan]);
        Assert.Equal([9, 5, 2], workflow.Nodes.Select(n => n.Id));
    }

    [Fact]
    public void Canonical_print_does_not_depend_on_creation_order()
    {
        static Workflow Build(bool swap)
        {
            var b = new WorkflowBuilder("w");
            int x, y;
            if (swap)
            {
                y = b.Scan(TableName.TryParse("s.y")!, Ab, "y").Id;
                x = b.Scan(TableName.TryParse("s.x")!, Ab, "x").Id;
            }
            else
            {
                x = b.Scan(TableName.TryParse("s.x")!, Ab, "x").Id;
                y = b.Scan(TableName.TryParse("s.y")!, Ab, "y").Id;
            }
            int u = b.UnionAll([x, y], "u").Id;
            b.Sink(u, TableName.TryParse("o.t")!, WriteMode.Replace, "out");
            return b.ToWorkflow();
        }
        Assert.Equal(IrPrinter.PrintCanonical(Build(false)), IrPrinter.PrintCanonical(Build(true)));
        Assert.NotEqual(IrPrinter.Print(Build(false)), IrPrinter.Print(Build(true)));
    }

    [Fact]
    public void A_ten_thousand_step_chain_sorts_and_prints_without_recursion()
    {
        var b = new WorkflowBuilder("chain");
        int last = b.Scan(TableName.TryParse("s.t")!, Ab, "t").Id;
        for (int i = 0; i < 10_000; i++)
            last = b.Filter(last, ExprFactory.Binary(BinaryOp.Greater, new ColumnRef("a", SqlType.Int64), Literal.Int(i)), FilterBranch.Match, $"f{i}").Id;
        b.Sink(last, TableName.TryParse("o.t")!, WriteMode.Append, "out");
        var workflow = b.ToWorkflow();
        Assert.Equal(10_002, workflow.Nodes.Length);
        Assert.Empty(IrValidator.Validate(workflow));
        Assert.StartsWith("workflow \"chain\"", IrPrinter.PrintCanonical(workflow));
    }

    [Fact]
    public void Validator_finds_a_column_that_does_not_exist()
    {
        var b = new WorkflowBuilder("w");
        int s = b.Scan(TableName.TryParse("s.t")!, Ab, "t").Id;
        b.Filter(s, ExprFactory.Binary(BinaryOp.Greater, new ColumnRef("zz", SqlType.Int64), Literal.Int(1)), FilterBranch.Match, "f");
        Assert.Contains(IrValidator.Validate(b.ToWorkflow()), p => p.Contains("no column 'zz'"));
    }

    [Theory]
    [InlineData("table", new[] { "table" })]
    [InlineData("a.b.c", new[] { "a", "b", "c" })]
    [InlineData("`my-proj.ds.t`", new[] { "my-proj", "ds", "t" })]
    [InlineData("\"odd.name\".t", new[] { "odd.name", "t" })]
    public void Table_names_split_into_parts(string text, string[] parts) =>
        Assert.Equal(parts, TableName.TryParse(text)!.Parts);

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a.b.c.d")]
    [InlineData("\"open")]
    public void Bad_table_names_are_rejected(string text) => Assert.Null(TableName.TryParse(text));
}
