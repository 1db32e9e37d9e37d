using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.lineinterpolatepoint</c>: adds <c>&lt;geo&gt;_point</c>, the point at a fraction of a line; lineinterpolatepoint geo, fraction [as name].</summary>
public sealed class LineInterpolatePointComponent : GeographyColumnComponent
{
    public override string Id => "native.lineinterpolatepoint";
    public override string Title => "Line interpolate point";
    public override ComponentCategory Category => ComponentCategory.Other;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), new("fraction", ParameterKind.Number)];
    public override GenericStepForm Form { get; } = new("lineinterpolatepoint", ["geo", "fraction"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`lineinterpolatepoint geo, fraction [as name]`", "point", "`st_lineinterpolatepoint(geo, fraction)`", "geography");
    protected override string Suffix => "point";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        values.Number("fraction") is { } fraction ? ExprFactory.Call(Functions.LineInterpolatePoint, geo, fraction) : null;
}
