using System.Text;

namespace Cwf.Ir;

/// <summary>
/// Prints a workflow as one line per node (<c>%3 = filter %2 (x > 1)</c>), for `cwf explain`,
/// debugging and tests. The canonical form numbers nodes by a walk from the sinks and leaves
/// out names and ids, so that two front ends that build the same graph in a different order
/// print the same text: the round-trip tests compare canonical prints.
/// </summary>
public static class IrPrinter
{
    public static string Print(Workflow workflow, bool withSchemas = false) =>
        Write(workflow, workflow.Nodes, canonical: false, withSchemas);

    public static string PrintCanonical(Workflow workflow) =>
        Write(workflow, CanonicalOrder(workflow), canonical: true, withSchemas: true);

    private static string Write(Workflow workflow, IReadOnlyList<RelNode> order, bool canonical, bool withSchemas)
    {
        var number = new Dictionary<int, int>(order.Count);
        for (int i = 0; i < order.Count; i++) number[order[i].Id] = canonical ? i + 1 : order[i].Id;
        string Ref(int id) => "%" + number[id];

        var sb = new StringBuilder();
        sb.Append("workflow \"").Append(workflow.Name).Append("\"\n");
        foreach (var p in workflow.Parameters) sb.Append(p).Append('\n');
        foreach (var node in order)
        {
            sb.Append(Ref(node.Id)).Append(" = ").Append(node.Describe(Ref));
            if (!canonical && node.Name.Length > 0) sb.Append("  // ").Append(node.Name);
            if (withSchemas && node is not (SinkNode or CheckNode)) sb.Append("\n    : ").Append(node.Schema);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    // Post-order walk from the sinks (sorted by their description) and the checks (by name), inputs in port order; nodes no
    // sink reaches follow, in their own post-order. Iterative, so long chains do not overflow.
    private static List<RelNode> CanonicalOrder(Workflow workflow)
    {
        var visited = new HashSet<int>();
        var order = new List<RelNode>(workflow.Nodes.Length);
        var roots = workflow.Sinks
            .OrderBy(s => $"{s.Table} {s.Mode}", StringComparer.Ordinal)
            .Cast<RelNode>()
            .Concat(workflow.Checks.OrderBy(c => c.Check, StringComparer.Ordinal))
            .Concat(workflow.Nodes.Reverse());
        var stack = new Stack<(int Id, int NextInput)>();
        foreach (var root in roots)
        {
            if (!visited.Add(root.Id)) continue;
            stack.Push((root.Id, 0));
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                var inputs = workflow[id].Inputs;
                if (next < inputs.Count)
                {
                    stack.Push((id, next + 1));
                    if (visited.Add(inputs[next])) stack.Push((inputs[next], 0));
                }
                else order.Add(workflow[id]);
            }
        }
        return order;
    }
}
