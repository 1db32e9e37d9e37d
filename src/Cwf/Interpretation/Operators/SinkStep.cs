using Cwf.Diagnostics;
using Cwf.Interpretation.Evaluation;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Writes a sink's rows into the run's output tables. Replace makes the table exactly the rows;
/// append adds them after the table's current rows — the rows an earlier sink of this run wrote,
/// else the table given as input, else none — matching columns by name and widening types.
/// </summary>
internal static class SinkStep
{
    public static Database Write(SinkNode node, Table rows, Database written, Database input)
    {
        if (node.Mode == WriteMode.Replace) return written.With(node.Table, rows);

        var existing = written.Find(node.Table) ?? input.Find(node.Table);
        if (existing is null) return written.With(node.Table, rows);

        var target = existing.Schema;
        var positions = new int[target.Count];
        for (int c = 0; c < target.Count; c++)
        {
            int index = rows.Schema.IndexOf(target[c].Name);
            var type = index < 0 ? SqlType.Unknown : rows.Schema[index].Type;
            if (index < 0 || rows.Schema.Count != target.Count || !SqlTypeFacts.IsImplicitlyConvertible(type, target[c].Type))
                throw new InterpretationException(DiagnosticCodes.RunAppendMismatch,
                    $"cannot append {rows.Schema} to {node.Table}, which has columns {target}",
                    "append rows with the same column names and compatible types, or replace the table");
            positions[c] = index;
        }
        var appended = rows.RowArrays.Select(row =>
        {
            var values = new object?[positions.Length];
            for (int c = 0; c < positions.Length; c++) values[c] = SqlValues.Widen(row[positions[c]], target[c].Type);
            return values;
        });
        return written.With(node.Table, Table.FromTrustedRows(target, [.. existing.RowArrays, .. appended]));
    }
}
