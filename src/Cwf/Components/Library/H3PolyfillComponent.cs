using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.h3polyfill</c>: the H3 cells of each row's polygon at a resolution, in <c>h3</c>; by containment
/// <c>mode</c> (center, intersects, contains). With <c>includecols</c> each cell keeps its row's columns (one row
/// per cell and polygon); without, the output is the distinct cells alone, as the product writes it.
/// <c>h3polyfill geo, 8 { mode: 'intersects', includecols: true } [as name]</c>.
/// </summary>
public sealed class H3PolyfillComponent : GenericStepComponent
{
    public override string Id => "native.h3polyfill";
    public override string Title => "H3 polyfill";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override Seq<ComponentParameter> Parameters { get; } = ComponentLowering.PolyfillParameters("8");
    public override GenericStepForm Form { get; } = new("h3polyfill", ["geo", "resolution"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`h3polyfill geo, 8 { mode: 'center', includecols: false } [as name]`",
        "`Explode` (H3 cells of `geo` by mode) into `h3` (or `name`); without `includecols`, `Distinct` of that column alone",
        "with `includecols`: input + `h3` (string), one row per cell; without: `h3` alone, each cell once");

    public override void Build(ComponentLoweringContext cx) =>
        ComponentLowering.Polyfill(cx, "h3", 15, DiagnosticCodes.InvalidResolution, "H3", "typical values: 7 (about 5 km²) to 10 (about 0.015 km²)",
            [ExplodeKind.H3PolyfillCenter, ExplodeKind.H3PolyfillIntersects, ExplodeKind.H3PolyfillContains]);
}

public static partial class ComponentLowering
{
    /// <summary>The containment modes of the polyfill components, in the product's order (center is its default).</summary>
    public static readonly Seq<string> PolyfillModes = ["center", "intersects", "contains"];

    /// <summary>The polyfill components' inputs (a real export of native.h3polyfill): geo, resolution, includecols, mode.</summary>
    public static Seq<ComponentParameter> PolyfillParameters(string? defaultResolution) =>
    [
        ComponentParameter.Column("geo"),
        new("resolution", ParameterKind.Integer, Required: defaultResolution is null, Default: defaultResolution),
        new("includecols", ParameterKind.Boolean, Required: false, Default: "false"),
        ComponentParameter.Selection("mode", PolyfillModes, "center") with { Required = false },
    ];

    /// <summary>
    /// A polyfill component: the cells of <c>geo</c> by <c>mode</c> (<paramref name="kinds"/> in the order of
    /// <see cref="PolyfillModes"/>) into <paramref name="column"/> (or the step's <c>as</c> name), keeping the
    /// input's columns with <c>includecols</c>, else the distinct cells alone.
    /// </summary>
    public static void Polyfill(ComponentLoweringContext cx, string column, int maxResolution, DiagnosticDescriptor code, string grid, string hint, ExplodeKind[] kinds)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("geo"), v.Integer("resolution"), v.Boolean("includecols"), v.Selection("mode")) is not ({ } geo, { } resolution, { } includeColumns, { } mode)
            || cx.ResolveGeography(source, geo) is not { } g || v.Failed) return;
        if (!ValidResolution(cx, resolution, v.LocationOf("resolution"), maxResolution, code, grid, hint)) return;
        var kind = kinds[PolyfillModes.Items.IndexOf(mode)];
        string name = cx.OutputName ?? column;
        var cells = cx.Builder.ExplodeCells(source, ExprFactory.Column(g), [resolution], name, null, kind, cx.Step.Name, cx.Step.Origin);
        if (includeColumns)
        {
            cx.Output("result", cells.Id);
            return;
        }
        var cell = cells.Schema.Find(name)!;
        var alone = cx.Builder.Project(cells.Id, [LoweringContext.PassThrough(cell)], cx.Step.Name, cx.Step.Origin);
        cx.Output("result", cx.Builder.Distinct(alone.Id, cx.Step.Name, cx.Step.Origin).Id);
    }
}
