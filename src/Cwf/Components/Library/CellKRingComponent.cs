using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// The .cwf k-ring steps <c>h3kring cell, 2</c> and <c>quadbinkring cell, 2</c>: one row per cell within k steps of
/// the row's cell, in <c>kring</c> (or the <c>as</c> name), the row's columns repeated; with <c>distances: true</c>
/// also <c>kring_distance</c>, the cell's step count. No canvas form: no export shows the product's k-ring inputs.
/// </summary>
public abstract class CellKRingComponent : GenericStepComponent
{
    /// <summary>"h3" or "quadbin".</summary>
    protected abstract string Grid { get; }

    public override string Id => $"cwf.{Grid}kring";
    public override string Title => Grid == "h3" ? "H3 k-ring" : "Quadbin k-ring";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override bool HasCanvasForm => false;
    public override Seq<ComponentParameter> Parameters =>
        [ComponentParameter.Column("cell"), new("size", ParameterKind.Integer), new("distances", ParameterKind.Boolean, Required: false, Default: "false")];
    public override GenericStepForm Form => new($"{Grid}kring", ["cell", "size"], NamesColumn: true);
    public override ComponentDoc Doc => new(
        $"`{Grid}kring cell, 2 {{ distances: true }} [as name]`",
        $"`Explode` ({Title} of `cell` within `size` steps) into `kring` (or `name`), and its distance into `kring_distance`",
        $"input, one row per cell, `kring` ({(Grid == "h3" ? "string" : "int64")}), with `distances`: `kring_distance` (int64)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("cell"), v.Integer("size"), v.Boolean("distances")) is not ({ } cellArg, { } size, { } distances) || v.Failed) return;
        var type = Grid == "h3" ? SqlType.String : SqlType.Int64;
        if (cx.Resolve(source, cellArg, t => t == type, Grid == "h3" ? "an H3 cell (string)" : "a Quadbin cell (int64)") is not { } cell) return;
        if (!ComponentLowering.ValidResolution(cx, size, v.LocationOf("size"), 1000, DiagnosticCodes.InvalidKRingSize, "k-ring size", "k 1 is the cell and its neighbours; each step adds a ring")) return;
        var kind = Grid == "h3" ? ExplodeKind.H3KRing : ExplodeKind.QuadbinKRing;
        string name = cx.OutputName ?? "kring";
        cx.Output("result", cx.Builder.ExplodeCells(source, ExprFactory.Column(cell), [size], name, distances ? name + "_distance" : null, kind, cx.Step.Name, cx.Step.Origin).Id);
    }
}

/// <summary>The H3 form of <see cref="CellKRingComponent"/>.</summary>
public sealed class H3KRingComponent : CellKRingComponent
{
    protected override string Grid => "h3";
}

/// <summary>The Quadbin form of <see cref="CellKRingComponent"/>.</summary>
public sealed class QuadbinKRingComponent : CellKRingComponent
{
    protected override string Grid => "quadbin";
}
