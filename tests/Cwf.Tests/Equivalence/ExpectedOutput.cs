using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// An output table as the reference interpreter computes it, with the sort that orders it when
/// its order is part of the result: the table is written once (replace) straight from a sort, or
/// from a limit over a sort. Every other output is compared as a multiset of rows.
/// </summary>
public sealed record ExpectedOutput(TableName Name, Schema Schema, RowSet Rows, SortNode? Order)
{
    /// <summary>
    /// Runs the interpreter; null and the diagnostics when it reports an error. When only data checks fail, the
    /// script must fail on one of them (<paramref name="failedChecks"/>) and write nothing: no outputs are expected.
    /// </summary>
    public static (IReadOnlyList<ExpectedOutput>? Outputs, string? Error) Compute(IsolatedCase c, out IReadOnlyList<string> failedChecks)
    {
        var run = Interpreter.Run(c.Workflow, c.Inputs);
        failedChecks = [.. run.Checks.Where(o => !o.Passed).Select(o => o.Check)];
        if (failedChecks.Count > 0 && run.Diagnostics.Where(d => d.IsError).All(d => d.Code == Cwf.Diagnostics.DiagnosticCodes.CheckFailed.Code))
            return ([], null);
        if (!run.Succeeded)
            return (null, "the reference interpreter failed:\n  " + string.Join("\n  ", run.Diagnostics.Where(d => d.IsError)));
        var outputs = new List<ExpectedOutput>();
        foreach (var name in c.Outputs)
        {
            var table = run.Outputs.Find(name);
            if (table is null) return (null, $"the reference interpreter wrote no table {name}");
            outputs.Add(new ExpectedOutput(name, table.Schema, table.ToRowSet(), OrderOf(c.Workflow, name)));
        }
        return (outputs, null);
    }

    private static SortNode? OrderOf(Workflow workflow, TableName name)
    {
        var sinks = workflow.Sinks.Where(s => string.Equals(s.Table.ToString(), name.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (sinks is not [{ Mode: WriteMode.Replace } sink]) return null;
        return workflow[sink.Input] switch
        {
            SortNode sort => sort,
            LimitNode limit when workflow[limit.Input] is SortNode sort => sort,
            _ => null,
        };
    }
}
