namespace Cwf.Ir;

/// <summary>
/// Checks the invariants every stage must keep beyond what <see cref="Workflow"/> enforces
/// (inputs exist, no cycle, schemas derived): every column reference names a column of an input
/// of its node with the same type, every parameter exists, and a union's inputs have the same
/// column names. A non-empty result is a compiler bug, never a user error; tests run it after
/// every front end and every pass.
/// </summary>
public static class IrValidator
{
    public static IReadOnlyList<string> Validate(Workflow workflow)
    {
        var problems = new List<string>();
        foreach (var node in workflow.Nodes)
        {
            var inputs = node.Inputs.Select(i => workflow[i].Schema).ToList();
            foreach (var e in node.Expressions.SelectMany(x => x.DescendantsAndSelf()))
            {
                switch (e)
                {
                    case ColumnRef c when c.Input < 0 || c.Input >= inputs.Count:
                        problems.Add($"%{node.Id} {node.OperatorName}: column '{c.Name}' refers to input {c.Input}, which does not exist");
                        break;
                    case ColumnRef c:
                        var col = inputs[c.Input].Find(c.Name);
                        if (col is null) problems.Add($"%{node.Id} {node.OperatorName}: no column '{c.Name}' in input {c.Input} {inputs[c.Input]}");
                        else if (col.Type != c.Type && col.Type != SqlType.Unknown) problems.Add($"%{node.Id} {node.OperatorName}: column '{c.Name}' is {col.Type.Name()} but referenced as {c.Type.Name()}");
                        break;
                    case ParamRef p when workflow.FindParameter(p.Name) is null:
                        problems.Add($"%{node.Id} {node.OperatorName}: unknown parameter @{p.Name}");
                        break;
                }
            }
            // A union matches its inputs' columns by name, so they must all have its names.
            if (node is UnionAllNode union)
                foreach (var (schema, index) in inputs.Select((s, i) => (s, i)))
                    if (!schema.IsOpen && !union.Schema.IsOpen && (schema.Count != union.Schema.Count || union.Schema.Columns.Any(c => !schema.Contains(c.Name))))
                        problems.Add($"%{node.Id}: union input {index} has columns {schema}, expected the names of {union.Schema}");
        }
        return problems;
    }
}
