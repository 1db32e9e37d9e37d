using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.distancematrix</c>: the distance in meters between every two geographies of a table, every ordered
/// pair including each with itself (<c>id1, id2, distance</c>); <c>distancematrix geo, id</c>.
/// </summary>
public sealed class DistanceMatrixComponent : GenericStepComponent
{
    public override string Id => "native.distancematrix";
    public override string Title => "Distance matrix";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), ComponentParameter.Column("id")];
    public override GenericStepForm Form { get; } = new("distancematrix", ["geo", "id"]);
    public override ComponentDoc Doc { get; } = new(
        "`distancematrix geo, id`",
        "inner `Join` of the table with itself on TRUE, `Project` of `st_distance`",
        "`id1`, `id2`, `distance` (float64, meters): n × n rows");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("geo"), v.Column("id")) is not ({ } geoArg, { } idArg) || v.Failed) return;
        var geo = cx.ResolveGeography(source, geoArg);
        var id = cx.Resolve(source, idArg);
        if (geo is null || id is null || !cx.RequireKnownColumns(source, cx.Step, "the distance matrix")) return;
        var step = cx.Step;
        var pairs = cx.Builder.Join(source, source, JoinKind.Inner, Predicates.True,
            [new(0, id.Name, "id1"), new(1, id.Name, "id2"), new(0, geo.Name, "cwf_geo1"), new(1, geo.Name, "cwf_geo2")], step.Name + "_pairs", step.Origin);
        var schema = cx.Builder.SchemaOf(pairs.Id);
        Expr Col(string name) => ExprFactory.Column(schema.Find(name)!);
        cx.Output("result", cx.Builder.Project(pairs.Id,
            [new NamedExpr("id1", Col("id1")), new NamedExpr("id2", Col("id2")), new NamedExpr("distance", ExprFactory.Call(Functions.Distance, Col("cwf_geo1"), Col("cwf_geo2")))],
            step.Name, step.Origin).Id);
    }
}
