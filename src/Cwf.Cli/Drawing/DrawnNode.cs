using Cwf.Ir;

namespace Cwf.Cli.Drawing;

/// <summary>A laid-out node: its box (top-left corner and size, in pixels) and the label lines written in it.</summary>
internal sealed record DrawnNode(RelNode Node, IReadOnlyList<string> Lines, bool IsDead, bool IsShared, DrawnPoint TopLeft, double Width, double Height);
