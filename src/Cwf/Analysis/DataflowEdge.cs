using QuikGraph;

namespace Cwf.Analysis;

/// <summary>
/// An edge of the workflow graph: the result of node <paramref name="Source"/> feeds input
/// <paramref name="Port"/> of node <paramref name="Target"/>. The port keeps a self-join's two
/// edges from the same node apart.
/// </summary>
public readonly record struct DataflowEdge(int Source, int Target, int Port) : IEdge<int>;
