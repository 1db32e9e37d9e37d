namespace Cwf.Ir;

/// <summary>
/// Checks the invariants every stage must keep: inputs exist, every column reference names a
/// column of the right input with the same type, stored schemas agree with the inputs', and
/// parameters exist. A non-empty result is a compiler bug, never a user error; tests run it
/// after every front end and every pass.
/// </summary>
public static class IrValidator
{
    public static IReadOnlyList<string> Validate(Workflow workflow)
    {
        var problems = new List<string>();
        foreach (var node in workflow.Nodes)
        {
            var inputs = node.Inputs.Select(i => workflow[i].Schema).ToList();
            void Check(Expr expr, string where, int maxInput)
            {
                foreach (var e in expr.DescendantsAndSelf())
                {
                    switch (e)
                    {
                        case ColumnRef c when c.Input > maxInput || c.Input >= inputs.Count:
                            problems.Add($"%{node.Id} {where}: column '{c.Name}' refers to input {c.Input}, which does not exist");
                            break;
                        case ColumnRef c:
                            var col = inputs[c.Input].Find(c.Name);
                            if (col is null) problems.Add($"%{node.Id} {where}: no column '{c.Name}' in input {c.Input} {inputs[c.Input]}");
                            else if (col.Type != c.Type && col.Type != SqlType.Unknown) problems.Add($"%{node.Id} {where}: column '{c.Name}' is {col.Type.Name()} but referenced as {c.Type.Name()}");
                            break;
                        case ParamRef p when workflow.FindParameter(p.Name) is null:
                            problems.Add($"%{node.Id} {where}: unknown parameter @{p.Name}");
                            break;
                    }
                }
            }

            switch (node)
            {
                case JoinNode j:
                    Check(j.Condition, "join condition", 1);
                    if (!j.Schema.Equals(WorkflowBuilder.JoinSchema(inputs[0], inputs[1], j.Kind, j.Outputs)))
                        problems.Add($"%{node.Id}: stored join schema disagrees with its outputs");
                    break;
                case SemiJoinNode s:
                    Check(s.Condition, "semi-join condition", 1);
                    SameSchema(s.Schema, inputs[0], "semi-join");
                    break;
                case UnionAllNode u:
                    foreach (var (schema, index) in inputs.Select((s, i) => (s, i)))
                        if (!schema.IsOpen && !u.Schema.IsOpen && (schema.Count != u.Schema.Count || u.Schema.Columns.Any(c => !schema.Contains(c.Name))))
                            problems.Add($"%{node.Id}: union input {index} has columns {schema}, expected the names of {u.Schema}");
                    break;
                case OpaqueNode:
                    break;
                default:
                    foreach (var e in node.Expressions) Check(e, node.GetType().Name, 0);
                    if (node is FilterNode or SortNode or LimitNode or DistinctNode or SinkNode)
                        SameSchema(node.Schema, inputs[0], node.GetType().Name);
                    break;
            }

            void SameSchema(Schema stored, Schema input, string what)
            {
                if (!stored.Equals(input)) problems.Add($"%{node.Id}: {what} schema {stored} differs from its input's {input}");
            }
        }
        return problems;
    }
}
