namespace Cwf.Canvas;

/// <summary>
/// A canvas variable: <c>{ name, type, value, public, order }</c>. Public variables become
/// procedure parameters. <paramref name="Type"/> is the canvas type name (Number, String...).
/// </summary>
public sealed record CanvasVariable(string Name, string Type, CanvasValue? Value, bool IsPublic, int Order, string Pointer);
