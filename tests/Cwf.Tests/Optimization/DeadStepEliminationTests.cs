using System.Collections.Immutable;
using Cwf.Ir;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class DeadStepEliminationTests
{
    [Fact]
    public void Removes_steps_no_output_reads_but_keeps_unknown_components()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "id"), Int(1)), FilterBranch.Match, "unused");
        b.Opaque([scan.Id], "native.isolines", null, Schema.Open, ImmutableSortedDictionary<string, string>.Empty, "isolines");
        b.Sink(scan.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan cities  // cities
            %3 = opaque native.isolines %1  // isolines
            %4 = sink %1 -> out (replace)  // out
            """, After(new DeadStepElimination(), b.ToWorkflow()));
    }
}
