namespace Cwf.Interpretation.Geo;

/// <summary>Which cells of a grid cover a polygon (the toolbox's polyfill modes; spec/interpreter.md, "Polyfill").</summary>
public enum CellContainment
{
    /// <summary>The cell's center lies in the polygon (on its boundary counts).</summary>
    Center,

    /// <summary>The cell and the polygon share at least one point.</summary>
    Intersects,

    /// <summary>The whole cell lies in the polygon.</summary>
    Contains,
}
