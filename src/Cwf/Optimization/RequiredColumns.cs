using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// For every node, the columns of its result that some reader needs (null: every column). One
/// walk from the outputs back to the tables, asking each reader which columns of its inputs it
/// reads for the columns asked of it (<see cref="RelNode.ColumnsRead"/>).
/// </summary>
internal sealed class RequiredColumns
{
    private readonly Dictionary<int, IReadOnlySet<string>?> _needed;

    private RequiredColumns(Dictionary<int, IReadOnlySet<string>?> needed) => _needed = needed;

    /// <summary>The needed column names of the node's result, or null when all are needed.</summary>
    public IReadOnlySet<string>? Of(int id) => _needed.TryGetValue(id, out var set) ? set : Empty;

    public bool IsNeeded(int id, string column) => Of(id) is not { } set || set.Contains(column);

    private static readonly HashSet<string> Empty = new(StringComparer.OrdinalIgnoreCase);

    public static RequiredColumns Compute(Workflow workflow)
    {
        var needed = new Dictionary<int, IReadOnlySet<string>?>(workflow.Nodes.Length);
        // The sets this walk made itself and may grow; the first reader's set is kept as it is until a second reader adds to it.
        var owned = new HashSet<int>();
        for (int i = workflow.Nodes.Length - 1; i >= 0; i--)
        {
            var node = workflow.Nodes[i];
            // A node no reader asked anything of (an output, or dead) is asked for no column.
            var own = needed.TryGetValue(node.Id, out var s) ? s : Empty;
            var read = node.ColumnsRead(own);
            for (int port = 0; port < read.Count; port++)
            {
                int input = node.Inputs[port];
                if (read[port] is not { } columns) needed[input] = null;
                else if (!needed.TryGetValue(input, out var set)) needed[input] = columns;
                else if (set is not null)
                {
                    if (!owned.Add(input)) ((HashSet<string>)set).UnionWith(columns);
                    else needed[input] = new HashSet<string>(set.Concat(columns), StringComparer.OrdinalIgnoreCase);
                }
            }
        }
        return new RequiredColumns(needed);
    }
}
