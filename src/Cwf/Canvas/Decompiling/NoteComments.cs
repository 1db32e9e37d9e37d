using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Canvas;

/// <summary>
/// Canvas notes as .cwf comments: each note goes before the step it sits closest to on the canvas
/// (distance from the node's position to the note's rectangle), its markdown as comment lines with
/// a front-matter label as the first line.
/// </summary>
internal static class NoteComments
{
    /// <summary>For each note, the id of the closest of <paramref name="nodes"/> (null when there are none).</summary>
    public static IEnumerable<(CanvasNote Note, string? NodeId)> Place(IEnumerable<CanvasNote> notes, IReadOnlyList<CanvasNode> nodes) =>
        notes.OrderBy(n => n.Index).Select(note => (note, nodes.Count == 0 ? null
            : nodes.OrderBy(n => Distance(note, n.Position)).ThenBy(n => n.Index).First().Id));

    public static Seq<CommentSyntax> Comments(CanvasNote note)
    {
        var lines = note.Markdown.Replace("\r\n", "\n").Split('\n').ToList();
        // Front matter: ---\nlabel: Title\n--- becomes the title line.
        if (lines.Count > 2 && lines[0].Trim() == "---" && lines.FindIndex(1, l => l.Trim() == "---") is var end and > 0)
        {
            var title = lines.Skip(1).Take(end - 1).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("label:", StringComparison.OrdinalIgnoreCase));
            lines = [.. (title is null ? [] : new[] { title[6..].Trim() }), .. lines.Skip(end + 1)];
        }
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        return lines.Select(l => CommentSyntax.Line(l)).ToSeq();
    }

    private static double Distance(CanvasNote note, CanvasPoint point)
    {
        double dx = Math.Max(Math.Max(note.Position.X - point.X, 0), point.X - (note.Position.X + note.Size.X));
        double dy = Math.Max(Math.Max(note.Position.Y - point.Y, 0), point.Y - (note.Position.Y + note.Size.Y));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
