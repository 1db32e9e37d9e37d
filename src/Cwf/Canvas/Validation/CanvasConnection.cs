namespace Cwf.Canvas;

/// <summary>A validated edge: <paramref name="Source"/>'s output <paramref name="SourceHandle"/> feeds <paramref name="Target"/>'s input <paramref name="TargetHandle"/>.</summary>
public sealed record CanvasConnection(CanvasNode Source, string SourceHandle, CanvasNode Target, string TargetHandle, CanvasEdge Edge);
