using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// For every node, the columns of its result that some reader needs (null: every column). One
/// walk from the outputs back to the tables, asking each reader which columns of its inputs it
/// reads for the columns asked of it (<see cref="RelNode.ColumnsRead"/>). Its array by node is lent
/// (<see cref="PooledArray"/>: at 100,000 nodes it is a large object, made by every round's pruning) until
/// <see cref="Dispose"/>.
/// </summary>
internal sealed class RequiredColumns : IDisposable
{
    private readonly Workflow _workflow;
    // By node position (see Workflow.PositionOf): the needed names, null for all, Empty when no reader asked.
    private IReadOnlySet<string>?[]? _needed;

    private RequiredColumns(Workflow workflow, IReadOnlySet<string>?[] needed)
    {
        _workflow = workflow;
        _needed = needed;
    }

    /// <summary>The needed column names of the node's result, or null when all are needed.</summary>
    public IReadOnlySet<string>? Of(int id)
    {
        var needed = _needed ?? throw new ObjectDisposedException(nameof(RequiredColumns));
        return _workflow.PositionOf(id) is >= 0 and var at ? needed[at] : Empty;
    }

    public bool IsNeeded(int id, string column) => Of(id) is not { } set || set.Contains(column);

    private static readonly ColumnNameSet Empty = new(0);

    public static RequiredColumns Compute(Workflow workflow)
    {
        var nodes = workflow.Nodes;
        var needed = PooledArray.Rent<IReadOnlySet<string>?>(nodes.Length);
        // A node no reader asked anything of (an output, or dead) is asked for no column.
        Array.Fill(needed, Empty, 0, nodes.Length);
        // The sets this walk made itself and may grow; the first reader's set is kept as it is until a second reader adds to it.
        var owned = PooledArray.Rent<bool>(nodes.Length);
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
        PooledArray.Return(owned, nodes.Length);
        return new RequiredColumns(workflow, needed);
    }

    /// <summary>Gives the array back; <see cref="Of"/> is not asked after.</summary>
    public void Dispose()
    {
        if (_needed is not null) PooledArray.Return(_needed, _workflow.Nodes.Length);
        _needed = null;
    }
}
