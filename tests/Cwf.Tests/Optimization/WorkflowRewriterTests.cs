using Cwf.Ir;
using Cwf.Optimization;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

// The new workflow takes the schema the rewriter gave a node only where that node read inputs kept from the original.
public class WorkflowRewriterTests
{
    private static readonly Schema Ab = new([new Column("a", SqlType.Int64), new Column("b", SqlType.String)]);
    private static readonly Schema A = new([new Column("a", SqlType.Int64)]);

    private static (Workflow Workflow, ScanNode Scan, FilterNode Filter) ScanAndFilter()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("t"), Ab, "t");
        var filter = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "a"), Int(1)), FilterBranch.Match, "f");
        b.Sink(filter.Id, Table("out"), WriteMode.Replace, "out");
        var workflow = b.ToWorkflow();
        return (workflow, (ScanNode)workflow[scan.Id], (FilterNode)workflow[filter.Id]);
    }

    [Fact]
    public void A_replaced_node_over_kept_inputs_keeps_its_placed_schema_and_its_readers_follow_it()
    {
        var (workflow, scan, filter) = ScanAndFilter();
        var rw = new WorkflowRewriter(workflow);
        var pruned = rw.Replace(scan with { TableSchema = A });
        var after = rw.ToWorkflow();
        Assert.Same(pruned, after[scan.Id]);
        Assert.Equal(A, after[filter.Id].Schema);
        Assert.Empty(IrValidator.Validate(after));
    }

    [Fact]
    public void A_node_placed_before_its_input_changed_is_derived_again()
    {
        var (workflow, scan, filter) = ScanAndFilter();
        var rw = new WorkflowRewriter(workflow);
        var inserted = rw.Insert(new FilterNode(rw.NewId(), "g", scan.Id, Literal.Bool(true), FilterBranch.Match), before: filter.Id);
        Assert.Equal(Ab, inserted.Schema);
        rw.Replace(filter with { Input = inserted.Id });
        rw.Replace(scan with { TableSchema = A });
        var after = rw.ToWorkflow();
        Assert.Equal(A, after[inserted.Id].Schema);
        Assert.Equal(A, after[filter.Id].Schema);
        Assert.Empty(IrValidator.Validate(after));
    }

    [Fact]
    public void A_node_placed_while_its_input_had_another_version_is_derived_again_when_the_original_comes_back()
    {
        var (workflow, scan, filter) = ScanAndFilter();
        var rw = new WorkflowRewriter(workflow);
        rw.Replace(scan with { TableSchema = A });
        var placed = rw.Replace(filter with { Predicate = ExprFactory.Binary(BinaryOp.Greater, ExprFactory.Column(A[0]), Int(2)) });
        Assert.Equal(A, placed.Schema);
        rw.Replace(scan);
        var after = rw.ToWorkflow();
        Assert.Equal(Ab, after[scan.Id].Schema);
        Assert.Equal(Ab, after[filter.Id].Schema);
        Assert.Empty(IrValidator.Validate(after));
    }

    // A replacement over the same inputs records no reader change; one over other inputs moves its readers.
    [Fact]
    public void Readers_follow_a_replacement_only_when_its_inputs_change()
    {
        var (workflow, scan, filter) = ScanAndFilter();
        var rw = new WorkflowRewriter(workflow);
        rw.Replace(filter with { Predicate = Literal.Bool(true) });
        Assert.Equal(1, rw.Readers(scan.Id));
        Assert.Equal(1, rw.Readers(filter.Id));
        var inserted = rw.Insert(new FilterNode(rw.NewId(), "g", scan.Id, Literal.Bool(true), FilterBranch.Match), before: filter.Id);
        Assert.Equal(2, rw.Readers(scan.Id));
        rw.Replace(filter with { Input = inserted.Id });
        Assert.Equal(1, rw.Readers(scan.Id));
        Assert.Equal(1, rw.Readers(inserted.Id));
        rw.Replace(((FilterNode)rw[filter.Id]) with { Predicate = Literal.Bool(false) });
        Assert.Equal(1, rw.Readers(inserted.Id));
        Assert.Equal(1, rw.Readers(scan.Id));
    }
}
