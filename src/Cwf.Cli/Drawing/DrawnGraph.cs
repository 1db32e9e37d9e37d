namespace Cwf.Cli.Drawing;

/// <summary>A workflow graph laid out for drawing: the picture's size, its nodes and edges in the workflow's order.</summary>
internal sealed record DrawnGraph(string Title, double Width, double Height, IReadOnlyList<DrawnNode> Nodes, IReadOnlyList<DrawnEdge> Edges);
