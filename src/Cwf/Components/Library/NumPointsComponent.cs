using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.numpoints</c>: adds <c>&lt;geo&gt;_numpoints</c>, the number of vertices; numpoints geo [as name].</summary>
public sealed class NumPointsComponent : GeographyColumnComponent
{
    public override string Id => "native.numpoints";
    public override string Title => "Number of points";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("numpoints", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`numpoints geo [as name]`", "numpoints", "`st_npoints(geo)`", "int64");
    protected override string Suffix => "numpoints";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.NumPoints, geo);
}
