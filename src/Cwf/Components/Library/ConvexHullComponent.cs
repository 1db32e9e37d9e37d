using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.convexhull</c>: adds <c>&lt;geo&gt;_convexhull</c>, the convex hull; convexhull geo [as name].</summary>
public sealed class ConvexHullComponent : GeographyColumnComponent
{
    public override string Id => "native.convexhull";
    public override string Title => "Convex hull";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("convexhull", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`convexhull geo [as name]`", "convexhull", "`st_convexhull(geo)`", "geography");
    protected override string Suffix => "convexhull";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.ConvexHull, geo);
}
