using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>
/// A data-flow node of the canvas: a source (<c>ReadTable</c>), a component (<c>native.*</c>)
/// or something cwf does not know (kept opaque). Notes are <see cref="CanvasNote"/>s instead.
/// </summary>
/// <param name="Index">Position in the <c>nodes</c> array (ties in data-flow order follow it).</param>
/// <param name="Type">The React Flow node type: generic, source, custom...</param>
/// <param name="Component">The component id (<c>data.name</c>).</param>
/// <param name="Label">The display name (<c>data.label</c>), or null when the canvas has none.</param>
/// <param name="DeclaredSchema">A source's (or custom SQL's) <c>data.schema</c>, when present and valid.</param>
/// <param name="Position">Where the node sits on the canvas (notes are attached to nearby steps).</param>
/// <param name="Pointer">JSON pointer of the node object.</param>
public sealed record CanvasNode(
    int Index,
    string Id,
    string Type,
    string Component,
    string? Version,
    string? Label,
    Seq<CanvasInput> Inputs,
    Schema? DeclaredSchema,
    CanvasPoint Position,
    string Pointer)
{
    /// <summary>The node as diagnostics name it: <c>'Simple Filter' (887cd04b-...)</c>.</summary>
    public string Display => $"'{DisplayLabel}' ({Id})";

    /// <summary>The label, or the component id when the canvas gives no label.</summary>
    public string DisplayLabel => string.IsNullOrWhiteSpace(Label) ? Component : Label;

    public CanvasInput? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);
}

/// <summary>A sticky note: not part of the data flow; its text becomes comments in the generated .cwf.</summary>
/// <param name="Size">Width and height of the note on the canvas (zero when unknown).</param>
public sealed record CanvasNote(int Index, string Id, string Markdown, CanvasPoint Position, CanvasPoint Size, string Pointer);

/// <summary>A point (or a size) on the canvas, in canvas pixels.</summary>
public readonly record struct CanvasPoint(double X, double Y);
