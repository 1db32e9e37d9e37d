namespace Cwf.Canvas;

/// <summary>
/// A connection from one node's output handle to another node's input handle, as the canvas
/// wrote it. Ends may name nodes that do not exist and handles may be null; validation decides.
/// </summary>
/// <param name="Index">Position in the <c>edges</c> array (union inputs follow it).</param>
public sealed record CanvasEdge(int Index, string? Id, string? Source, string? SourceHandle, string? Target, string? TargetHandle, string Pointer)
{
    public override string ToString() => $"{Source}.{SourceHandle ?? "?"} -> {Target}.{TargetHandle ?? "?"}";
}
