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
    // Nodes that keep their positions share the old workflow's id index and reader counts; two readers that swap
    // inputs keep every count, but when that puts a reader before its input the nodes are sorted again, and the
    // counts by position must be counted again too.
    [Fact]
    public void Readers_swapping_inputs_into_a_new_order_are_counted_in_that_order()
    {
        var b = new WorkflowBuilder("t");
        var s = b.Scan(Table("t"), Ab, "s");
        FilterNode Filter(int input, string name) => b.Filter(input, ExprFactory.Binary(BinaryOp.Greater, b.Col(input, "a"), Int(1)), FilterBranch.Match, name);
        var x = Filter(s.Id, "x");
        var p = Filter(x.Id, "p");
        var y = Filter(s.Id, "y");
        var q = Filter(y.Id, "q");
        b.Sink(p.Id, Table("o1"), WriteMode.Replace, "o1");
        b.Sink(p.Id, Table("o2"), WriteMode.Replace, "o2");
        b.Sink(q.Id, Table("o3"), WriteMode.Replace, "o3");
        var workflow = b.ToWorkflow();
        var rw = new WorkflowRewriter(workflow);
        Assert.Equal(2, rw.Readers(p.Id));
        rw.Replace((FilterNode)workflow[p.Id] with { Input = y.Id });
        rw.Replace((FilterNode)workflow[q.Id] with { Input = x.Id });
        var after = rw.ToWorkflow();
        Assert.Equal([s.Id, x.Id, y.Id, p.Id, q.Id], after.Nodes.Take(5).Select(n => n.Id));
        foreach (var node in after.Nodes)
            Assert.Equal(after.Nodes.Sum(n => n.Inputs.Count(i => i == node.Id)), after.ReaderCount(node.Id));
        Assert.Equal([p.Id], after.Consumers()[y.Id].ToArray());
        Assert.Equal(2, after.Consumers()[p.Id].Length);
    }

    // A pruning (nodes replaced in place, inputs kept) shares the index and the counts: lookups still find every node.
    [Fact]
    public void A_rewriting_that_keeps_positions_finds_and_counts_every_node()
    {
        var (workflow, scan, filter) = ScanAndFilter();
        var rw = new WorkflowRewriter(workflow);
        Assert.Equal(1, rw.Readers(scan.Id));
        rw.Replace(scan with { TableSchema = A });
        var after = rw.ToWorkflow();
        foreach (var node in workflow.Nodes)
        {
            Assert.True(after.Contains(node.Id));
            Assert.Equal(workflow.ReaderCount(node.Id), after.ReaderCount(node.Id));
        }
        Assert.Equal(workflow.NextId, after.NextId);
        Assert.Equal(A, after[filter.Id].Schema);
    }

    [Fact]
    public void A_rewriter_is_not_used_after_it_made_its_workflow()
    {
        var (workflow, scan, _) = ScanAndFilter();
        var rw = new WorkflowRewriter(workflow);
        rw.Replace(scan with { TableSchema = A });
        rw.ToWorkflow();
        Assert.Throws<InvalidOperationException>(() => rw.ToWorkflow());
        Assert.Throws<InvalidOperationException>(() => rw.Replace(scan with { TableSchema = A }));
    }

    // An inserted node takes a new id, before a node that exists.
    [Fact]
    public void Insertions_with_an_id_in_use_or_before_a_missing_node_are_refused()
    {
        var (workflow, scan, filter) = ScanAndFilter();
        var rw = new WorkflowRewriter(workflow);
        Assert.Throws<ArgumentException>(() => rw.Insert(new FilterNode(filter.Id, "g", scan.Id, Literal.Bool(true), FilterBranch.Match), before: filter.Id));
        Assert.Throws<KeyNotFoundException>(() => rw.Insert(new FilterNode(rw.NewId(), "g", scan.Id, Literal.Bool(true), FilterBranch.Match), before: 999));
        Assert.Throws<KeyNotFoundException>(() => rw.Redirect(filter.Id, 999));
        Assert.Same(workflow, rw.ToWorkflow());
    }
}
