using System.Text;
using Cwf.Interpretation;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Optimization;

internal static class Results
{
    /// <summary>
    /// How the interpreter's results of an optimized workflow differ from the original's, or null
    /// when they are the same: the same tables with the same columns and diagnostics, each table's
    /// rows as a multiset (passes keep the rows an output receives, not their order), floats by the
    /// rounding rule of spec/equivalence.md (<see cref="RowSetComparison.Rounding"/>).
    /// </summary>
    public static string? Differences(InterpretationResult expected, InterpretationResult actual)
    {
        var report = new StringBuilder();
        var (wanted, got) = (expected.Outputs.Tables.ToList(), actual.Outputs.Tables.ToList());
        if (!wanted.Select(t => t.Name.ToString()).SequenceEqual(got.Select(t => t.Name.ToString())))
            report.Append($"tables differ: expected {string.Join(", ", wanted.Select(t => t.Name))}, got {string.Join(", ", got.Select(t => t.Name))}\n");
        else
        {
            for (int i = 0; i < wanted.Count; i++)
            {
                if (RowSetComparison.Rounding.Differences(wanted[i].Table.ToRowSet(), got[i].Table.ToRowSet()) is { } rows)
                    report.Append($"table {wanted[i].Name}: {rows}\n");
            }
        }
        var (expectedDiagnostics, actualDiagnostics) = (string.Join("\n", expected.Diagnostics), string.Join("\n", actual.Diagnostics));
        if (expectedDiagnostics != actualDiagnostics)
            report.Append($"diagnostics differ:\n  expected: {expectedDiagnostics}\n  actual:   {actualDiagnostics}\n");
        return report.Length == 0 ? null : report.ToString();
    }
}
