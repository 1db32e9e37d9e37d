using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.quadbinpolyfill</c>: the Quadbin tiles of each row's polygon at a zoom, in <c>quadbin</c>, by the
/// same modes and <c>includecols</c> rule as <see cref="H3PolyfillComponent"/>.
/// <c>quadbinpolyfill geo, 12 { mode: 'intersects', includecols: true } [as name]</c>.
/// </summary>
public sealed class QuadbinPolyfillComponent : GenericStepComponent
{
    public override string Id => "native.quadbinpolyfill";
    public override string Title => "Quadbin polyfill";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override Seq<ComponentParameter> Parameters { get; } = ComponentLowering.PolyfillParameters(null);
    public override GenericStepForm Form { get; } = new("quadbinpolyfill", ["geo", "resolution"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`quadbinpolyfill geo, 12 { mode: 'center', includecols: false } [as name]`",
        "`Explode` (Quadbin tiles of `geo` by mode) into `quadbin` (or `name`); without `includecols`, `Distinct` of that column alone",
        "with `includecols`: input + `quadbin` (int64), one row per tile; without: `quadbin` alone, each tile once");

    public override void Build(ComponentLoweringContext cx) =>
        ComponentLowering.Polyfill(cx, "quadbin", 26, DiagnosticCodes.InvalidQuadbinResolution, "Quadbin", "zoom 12 tiles are about 10 km wide at the equator; each zoom halves them",
            [ExplodeKind.QuadbinPolyfillCenter, ExplodeKind.QuadbinPolyfillIntersects, ExplodeKind.QuadbinPolyfillContains]);
}
