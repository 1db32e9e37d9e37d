using System.Globalization;
using System.Text;
using Cwf.Analysis;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;
using MsaglEdge = Microsoft.Msagl.Core.Layout.Edge;
using MsaglNode = Microsoft.Msagl.Core.Layout.Node;

namespace Cwf.Cli.Drawing;

/// <summary>
/// Lays a workflow's graph out top to bottom with MSAGL's layered (Sugiyama) layout and spline routing.
/// Boxes are sized from the label text at a fixed monospace advance rather than measured with a font, so
/// the picture is the same on every machine whatever fonts it has.
/// </summary>
internal static class GraphLayout
{
    public const double FontSize = 12;
    public const double LineHeight = 16;
    public const double Padding = 8;
    public const double Margin = 12;
    // DejaVu Sans Mono's advance is 0.602 em; monospace fonts keep within a few percent of it.
    private const double CharWidth = FontSize * 0.61;
    private const double ArrowLength = 9;
    private const double ArrowHalfWidth = 4;

    public static DrawnGraph Lay(WorkflowAnalysis analysis)
    {
        var workflow = analysis.Workflow;
        var graph = new GeometryGraph();
        var boxes = new Dictionary<int, MsaglNode>();
        var labels = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var node in workflow.Nodes)
        {
            var lines = GraphRenderer.LabelLines(analysis, node).SelectMany(Wrap).ToList();
            double width = lines.Max(l => l.Length) * CharWidth + 2 * Padding;
            double height = lines.Count * LineHeight + 2 * Padding;
            var box = new MsaglNode(CurveFactory.CreateRectangle(width, height, new Point()), node.Id);
            graph.Nodes.Add(box);
            boxes[node.Id] = box;
            labels[node.Id] = lines;
        }
        var edges = GraphRenderer.Edges(workflow).ToList();
        var routed = new List<MsaglEdge>(edges.Count);
        foreach (var edge in edges)
        {
            var line = new MsaglEdge(boxes[edge.Source], boxes[edge.Target]);
            line.EdgeGeometry.TargetArrowhead = new Arrowhead { Length = ArrowLength };
            graph.Edges.Add(line);
            routed.Add(line);
        }
        if (graph.Nodes.Count == 0) return new DrawnGraph(workflow.Name, 2 * Margin, 2 * Margin, [], []);

        var settings = new SugiyamaLayoutSettings
        {
            NodeSeparation = 24,
            LayerSeparation = 36,
            // A fixed seed for the ordering heuristic: the same workflow always gets the same picture.
            RandomSeedForOrdering = 1,
        };
        settings.EdgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.SugiyamaSplines;
        LayoutHelpers.CalculateLayout(graph, settings, null);

        // MSAGL's y axis points up; the picture's points down.
        var bounds = graph.BoundingBox;
        DrawnPoint At(Point p) => new(Round(p.X - bounds.Left + Margin), Round(bounds.Top - p.Y + Margin));

        var nodes = workflow.Nodes.Select(n =>
        {
            var box = boxes[n.Id].BoundingBox;
            return new DrawnNode(n, labels[n.Id], analysis.IsDead(n.Id), analysis.IsShared(n.Id),
                At(new Point(box.Left, box.Top)), Round(box.Width), Round(box.Height));
        }).ToList();
        var drawnEdges = edges.Select((edge, i) =>
        {
            var curve = routed[i].Curve ?? new LineSegment(boxes[edge.Source].Center, boxes[edge.Target].Center);
            var middle = curve[(curve.ParStart + curve.ParEnd) / 2];
            return new DrawnEdge(edge, PathData(curve, At), Arrowhead(routed[i], curve, At),
                GraphRenderer.PortLabel(workflow, edge), At(middle));
        }).ToList();
        return new DrawnGraph(workflow.Name, Round(bounds.Width + 2 * Margin), Round(bounds.Height + 2 * Margin), nodes, drawnEdges);
    }

    // A picture is read on a screen: long schemas wrap after a comma rather than widen the box.
    private static IEnumerable<string> Wrap(string line)
    {
        const int Width = 72;
        while (line.Length > Width)
        {
            int cut = line.LastIndexOf(", ", Width, StringComparison.Ordinal);
            if (cut <= 0) break;
            yield return line[..(cut + 1)];
            line = "  " + line[(cut + 2)..];
        }
        yield return line;
    }

    private static string PathData(ICurve curve, Func<Point, DrawnPoint> at)
    {
        var sb = new StringBuilder();
        Append(sb, 'M', at(curve.Start));
        var segments = curve is Curve composite ? composite.Segments : [curve];
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case LineSegment line:
                    Append(sb, 'L', at(line.End));
                    break;
                case CubicBezierSegment bezier:
                    Append(sb, 'C', at(bezier.B(1)));
                    Append(sb, ' ', at(bezier.B(2)));
                    Append(sb, ' ', at(bezier.B(3)));
                    break;
                default:
                    // Any other curve (MSAGL draws none for a DAG) as a polyline through sixteen of its points.
                    for (int k = 1; k <= 16; k++)
                        Append(sb, 'L', at(segment[segment.ParStart + (segment.ParEnd - segment.ParStart) * k / 16]));
                    break;
            }
        }
        return sb.ToString();
    }

    private static IReadOnlyList<DrawnPoint> Arrowhead(MsaglEdge edge, ICurve curve, Func<Point, DrawnPoint> at)
    {
        var end = curve.End;
        var tip = edge.EdgeGeometry.TargetArrowhead?.TipPosition ?? end;
        var direction = tip - end;
        if (direction.Length < 1e-6) direction = curve.Derivative(curve.ParEnd);
        if (direction.Length < 1e-6) direction = new Point(0, -1);
        direction /= direction.Length;
        var along = direction * ArrowLength;
        var across = new Point(-direction.Y, direction.X) * ArrowHalfWidth;
        var baseCenter = tip - along;
        return [at(tip), at(baseCenter + across), at(baseCenter - across)];
    }

    private static void Append(StringBuilder sb, char command, DrawnPoint p)
    {
        if (command != ' ') sb.Append(command);
        else sb.Append(' ');
        sb.Append(Number(p.X)).Append(' ').Append(Number(p.Y));
    }

    public static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static string Number(double value) => Round(value).ToString("0.#", CultureInfo.InvariantCulture);
}
