using Cwf.Diagnostics;
using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Reads a source table from the run's input tables, columns matched to the scan's schema by name,
/// an invalid geography replaced by its repair (<see cref="Geography.Valid"/>); rows in ranges on several cores.
/// </summary>
internal static class ScanStep
{
    public static Table Run(ScanNode node, Database input, StepContext context)
    {
        var table = input.Find(node.Table)
            ?? throw new InterpretationException(DiagnosticCodes.RunTableMissing, $"no data was given for table {node.Table}",
                "pass the table to the run (with `cwf run --data <dir>`: a file named after the table)");
        var positions = new int[node.Schema.Count];
        for (int i = 0; i < node.Schema.Count; i++)
        {
            var wanted = node.Schema[i];
            int index = table.Schema.IndexOf(wanted.Name);
            if (index < 0)
                throw new InterpretationException(DiagnosticCodes.RunColumnMissing,
                    $"the data of {node.Table} has no column '{wanted.Name}' (it has {string.Join(", ", table.Schema.Names)})");
            var actual = table.Schema[index].Type;
            if (actual != wanted.Type && actual != SqlType.Unknown && wanted.Type != SqlType.Unknown)
                throw new InterpretationException(DiagnosticCodes.RunColumnTypeMismatch,
                    $"column '{wanted.Name}' of {node.Table} is {actual.Name()} in the data but {wanted.Type.Name()} in the workflow");
            positions[i] = index;
        }
        var rows = new object?[table.Count][];
        var source = table.RowArrays;
        // Validating a polygon of thousands of vertices costs far more than copying a row: such rows go in ranges of 16.
        bool geographies = node.Schema.Columns.Any(c => c.Type == SqlType.Geography);
        RowChunks.ForEach(rows.Length, context.Parallelism, (start, end) =>
        {
            for (int r = start; r < end; r++)
            {
                var row = new object?[positions.Length];
                for (int i = 0; i < positions.Length; i++)
                {
                    var value = source[r][positions[i]];
                    if (!SqlValues.TryNormalize(value, node.Schema[i].Type, out row[i]))
                        throw new InterpretationException(DiagnosticCodes.RunColumnTypeMismatch,
                            $"row {r + 1} of {node.Table}: column '{node.Schema[i].Name}' holds a {value!.GetType().Name}, not a {node.Schema[i].Type.Name()}");
                    if (row[i] is Geometry geometry) row[i] = Repaired(geometry, node, r, i);
                }
                rows[r] = row;
            }
        }, minRowsPerChunk: geographies ? 16 : RowChunks.MinRowsPerChunk);
        return Table.FromTrustedRows(node.Schema, rows);
    }

    private static Geometry Repaired(Geometry geometry, ScanNode node, int row, int column)
    {
        try
        {
            return Geography.Valid(geometry);
        }
        catch (GeographyException e)
        {
            throw new InterpretationException(DiagnosticCodes.RuntimeGeographyFailed,
                $"row {row + 1} of {node.Table}: column '{node.Schema[column].Name}': {e.Message}");
        }
    }
}
