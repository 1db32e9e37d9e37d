using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.boundingbox</c>: adds <c>&lt;geo&gt;_bbox</c>, the bounding box; boundingbox geo [as name].</summary>
public sealed class BoundingBoxComponent : GeographyColumnComponent
{
    public override string Id => "native.boundingbox";
    public override string Title => "Bounding box";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("boundingbox", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`boundingbox geo [as name]`", "bbox", "`st_envelope(geo)`", "geography");
    protected override string Suffix => "bbox";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.Envelope, geo);
}
