using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.generatepoints</c>: <c>npoints</c> random points inside each row's polygon, one row per point, the
/// geography column holding the point and the other columns repeated (a row that is not a polygon gives none).
/// The draw is seeded (seed 1), so a run repeats itself on the interpreter and PostGIS; engines draw different
/// points. <c>generatepoints geo, 100 [as name]</c>.
/// </summary>
public sealed class GeneratePointsComponent : GenericStepComponent
{
    /// <summary>The seed of every draw: PostGIS takes seeds from 1.</summary>
    private const long Seed = 1;

    public override string Id => "native.generatepoints";
    public override string Title => "Generate points";
    public override ComponentCategory Category => ComponentCategory.Other;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), new("npoints", ParameterKind.Integer)];
    public override GenericStepForm Form { get; } = new("generatepoints", ["geo", "npoints"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`generatepoints geo, 100 [as name]`",
        "`Explode` (parts of `st_generatepoints(geo, npoints, 1)`) into `geo`, or into `name`",
        "input, one row per point, `geo` (or `name`) a random point inside the polygon (geography)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("geo"), v.Integer("npoints")) is not ({ } geo, { } count) || cx.ResolveGeography(source, geo) is not { } g || v.Failed) return;
        var points = ExprFactory.Call(Functions.GeneratePoints, ExprFactory.Column(g), count, Literal.Int(Seed));
        cx.Output("result", cx.Builder.Explode(source, points, cx.OutputName ?? g.Name, ExplodeKind.GeometryParts, cx.Step.Name, cx.Step.Origin).Id);
    }
}
