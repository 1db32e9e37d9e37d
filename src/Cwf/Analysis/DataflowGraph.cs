using Cwf.Ir;
using QuikGraph;

namespace Cwf.Analysis;

/// <summary>The QuikGraph view of a workflow: vertices are node ids, edges run from a node to the nodes that read it.</summary>
public static class DataflowGraph
{
    /// <summary>A bidirectional graph (in- and out-edges) of the workflow, vertices in the workflow's topological order.</summary>
    public static BidirectionalGraph<int, DataflowEdge> From(Workflow workflow)
    {
        var graph = new BidirectionalGraph<int, DataflowEdge>(allowParallelEdges: true, vertexCapacity: workflow.Nodes.Length, edgeCapacity: 2);
        foreach (var node in workflow.Nodes) graph.AddVertex(node.Id);
        foreach (var node in workflow.Nodes)
        {
            var inputs = node.Inputs;
            for (int port = 0; port < inputs.Count; port++)
                graph.AddEdge(new DataflowEdge(inputs[port], node.Id, port));
        }
        return graph;
    }
}
