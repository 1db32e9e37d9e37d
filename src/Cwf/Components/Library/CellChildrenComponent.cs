using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// The .cwf steps <c>h3tochildren cell, 10</c> and <c>quadbintochildren cell, 14</c>: one row per child of the row's
/// cell at a finer resolution, in <c>child</c> (or the <c>as</c> name), the row's columns repeated; a resolution
/// coarser than the cell's gives no row. No canvas form: no export shows the product's inputs.
/// </summary>
public abstract class CellChildrenComponent : GenericStepComponent
{
    /// <summary>"h3" or "quadbin".</summary>
    protected abstract string Grid { get; }

    public override string Id => $"cwf.{Grid}tochildren";
    public override string Title => Grid == "h3" ? "H3 to children" : "Quadbin to children";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override bool HasCanvasForm => false;
    public override Seq<ComponentParameter> Parameters => [ComponentParameter.Column("cell"), new("resolution", ParameterKind.Integer)];
    public override GenericStepForm Form => new($"{Grid}tochildren", ["cell", "resolution"], NamesColumn: true);
    public override ComponentDoc Doc => new(
        $"`{Grid}tochildren cell, {(Grid == "h3" ? 10 : 14)} [as name]`",
        $"`Explode` ({Title} of `cell` at `resolution`) into `child` (or `name`)",
        $"input, one row per child, `child` ({(Grid == "h3" ? "string" : "int64")})");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("cell"), v.Integer("resolution")) is not ({ } cellArg, { } resolution) || v.Failed) return;
        bool h3 = Grid == "h3";
        if (cx.Resolve(source, cellArg, t => t == (h3 ? SqlType.String : SqlType.Int64), h3 ? "an H3 cell (string)" : "a Quadbin cell (int64)") is not { } cell) return;
        bool valid = h3
            ? ComponentLowering.ValidResolution(cx, resolution, v.LocationOf("resolution"), 15, DiagnosticCodes.InvalidResolution, "H3", "a resolution finer than the cells' own")
            : ComponentLowering.ValidResolution(cx, resolution, v.LocationOf("resolution"), 26, DiagnosticCodes.InvalidQuadbinResolution, "Quadbin", "a zoom finer than the tiles' own");
        if (!valid) return;
        var kind = h3 ? ExplodeKind.H3Children : ExplodeKind.QuadbinChildren;
        cx.Output("result", cx.Builder.ExplodeCells(source, ExprFactory.Column(cell), [resolution], cx.OutputName ?? "child", null, kind, cx.Step.Name, cx.Step.Origin).Id);
    }
}

/// <summary>The H3 form of <see cref="CellChildrenComponent"/>.</summary>
public sealed class H3ToChildrenComponent : CellChildrenComponent
{
    protected override string Grid => "h3";
}

/// <summary>The Quadbin form of <see cref="CellChildrenComponent"/>.</summary>
public sealed class QuadbinToChildrenComponent : CellChildrenComponent
{
    protected override string Grid => "quadbin";
}
