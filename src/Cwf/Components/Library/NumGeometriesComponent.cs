using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.numgeometries</c>: adds <c>&lt;geo&gt;_numgeometries</c>, the number of parts; numgeometries geo [as name].</summary>
public sealed class NumGeometriesComponent : GeographyColumnComponent
{
    public override string Id => "native.numgeometries";
    public override string Title => "Number of geometries";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("numgeometries", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`numgeometries geo [as name]`", "numgeometries", "`st_numgeometries(geo)`", "int64");
    protected override string Suffix => "numgeometries";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.NumGeometries, geo);
}
