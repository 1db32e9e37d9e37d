using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// For every node, the columns of its result that some reader needs (null: every column). One
/// walk from the outputs back to the tables, asking each reader which columns of its inputs it
/// reads for the columns asked of it (<see cref="RelNode.ColumnsRead"/>).
/// </summary>
internal sealed class RequiredColumns
{
    private readonly Workflow _workflow;
    // By node position (see Workflow.PositionOf): the needed names, null for all, Empty when no reader asked.
    private readonly IReadOnlySet<string>?[] _needed;

    private RequiredColumns(Workflow workflow, IReadOnlySet<string>?[] needed)
    {
        _workflow = workflow;
        _needed = needed;
    }

    /// <summary>The needed column names of the node's result, or null when all are needed.</summary>
    public IReadOnlySet<string>? Of(int id) => _workflow.PositionOf(id) is >= 0 and var at ? _needed[at] : Empty;

    public bool IsNeeded(int id, string column) => Of(id) is not { } set || set.Contains(column);

    private static readonly ColumnNameSet Empty = new(0);

    public static RequiredColumns Compute(Workflow workflow)
    {
        var nodes = workflow.Nodes;
        var needed = new IReadOnlySet<string>?[nodes.Length];
        // A node no reader asked anything of (an output, or dead) is asked for no column.
        Array.Fill(needed, Empty);
        // The sets this walk made itself and may grow; the first reader's set is kept as it is until a second reader adds to it.
        var owned = new bool[nodes.Length];
        for (int i = nodes.Length - 1; i >= 0; i--)
        {
            var node = nodes[i];
            var read = node.ColumnsRead(needed[i]);
            for (int port = 0; port < read.Count; port++)
            {
                int input = workflow.PositionOf(node.Inputs[port]);
                var set = needed[input];
                if (read[port] is not { } columns) needed[input] = null;
                else if (ReferenceEquals(set, Empty)) needed[input] = columns;
                else if (set is not null)
                {
                    if (owned[input]) ((ColumnNameSet)set).UnionWith(columns);
                    else
                    {
                        owned[input] = true;
                        var union = new ColumnNameSet(set.Count + columns.Count);
                        union.UnionWith(set);
                        union.UnionWith(columns);
                        needed[input] = union;
                    }
                }
            }
        }
        return new RequiredColumns(workflow, needed);
    }
}
