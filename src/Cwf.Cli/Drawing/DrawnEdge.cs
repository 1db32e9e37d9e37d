using Cwf.Analysis;

namespace Cwf.Cli.Drawing;

/// <summary>
/// A laid-out edge: its line as SVG path data (from the source's boundary to the arrowhead's base), the
/// arrowhead's three corners, and the port label with its position when the target has several inputs.
/// </summary>
internal sealed record DrawnEdge(DataflowEdge Edge, string PathData, IReadOnlyList<DrawnPoint> Arrowhead, string? Port, DrawnPoint PortAt);
