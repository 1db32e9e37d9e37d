using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>Which of the three canvas envelopes a file was (canvas-format.md section 1).</summary>
public enum CanvasEnvelopeKind
{
    /// <summary>The canvas export object itself.</summary>
    CanvasExport,
    /// <summary><c>{ id, title, connectionId, privacy, tags, config: { canvas export } }</c>.</summary>
    CliBundle,
    /// <summary>A <c>.sql</c> file whose leading comment holds <c>{"diagramJson": "&lt;canvas export&gt;"}</c>.</summary>
    GeneratedSql,
}

/// <summary>
/// A decoded canvas: the workflow's nodes, edges, variables and notes, with UI-only keys
/// dropped. Values are not interpreted yet (that needs each component's parameter kinds).
/// </summary>
public sealed record CanvasDocument(
    CanvasEnvelopeKind Envelope,
    string Title,
    string? Description,
    string? ConnectionProvider,
    Seq<CanvasNode> Nodes,
    Seq<CanvasEdge> Edges,
    Seq<CanvasVariable> Variables,
    Seq<CanvasNote> Notes);
