using Cwf.Interpretation.Evaluation;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>Concatenates the inputs' rows, columns matched by name into the first input's order and widened to the union's types.</summary>
internal static class UnionAllStep
{
    public static Table Run(UnionAllNode node, IReadOnlyList<Table> inputs)
    {
        var schema = node.Schema;
        var rows = new List<object?[]>(inputs.Sum(t => t.Count));
        foreach (var input in inputs)
        {
            var positions = schema.Columns.Select(c => input.Schema.IndexOf(c.Name)).ToArray();
            foreach (var source in input.RowArrays)
            {
                var row = new object?[positions.Length];
                for (int c = 0; c < positions.Length; c++)
                    row[c] = positions[c] < 0 ? null : SqlValues.Widen(source[positions[c]], schema[c].Type);
                rows.Add(row);
            }
        }
        return Table.FromTrustedRows(schema, [.. rows]);
    }
}
