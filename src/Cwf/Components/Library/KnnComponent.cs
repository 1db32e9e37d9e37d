using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.knn</c>: for each point, its k nearest other points of the same table, as the Analytics Toolbox's
/// KNN returns them (<c>geo, geo_knn, geoid, geoid_knn, distance, knn</c>; meters; knn numbers the neighbours
/// from 1), within the maximum distance when one is given; <c>knn id, geo, k { maxdistance: m }</c>.
/// </summary>
public sealed class KnnComponent : GenericStepComponent
{
    public override string Id => "native.knn";
    public override string Title => "K-nearest neighbors";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentPort> Inputs { get; } = [new("points")];
    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("id", "points"), ComponentParameter.Column("geo", "points"), new("k", ParameterKind.Integer),
        new("maxdistance", ParameterKind.Number, Required: false),
    ];
    public override GenericStepForm Form { get; } = new("knn", ["id", "geo", "k"]);
    public override ComponentDoc Doc { get; } = new(
        "`knn id, geo, 3 { maxdistance: 5000 }` (meters)",
        "`Nearest` (k + 1 of the table itself, within the maximum distance), `Filter` out the point itself, `Window` (row_number per point by distance, then the neighbour's id) + `Filter` knn ≤ k",
        "`geo`, `geo_knn`, `geoid`, `geoid_knn`, `distance` (float64, meters), `knn` (int64, 1 to k)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int points = cx.Input("points");
        var (idArg, geoArg, count) = (v.Column("id"), v.Column("geo"), v.Integer("k"));
        var within = v.Number("maxdistance");
        if (idArg is null || geoArg is null || count is null || v.Failed) return;
        if (count is not Literal { Value: long k } || k < 1 || k >= int.MaxValue)
        {
            cx.Diagnostics.Report(DiagnosticCodes.InvalidNeighbourCount, v.LocationOf("k"),
                $"the number of neighbours must be a whole number of at least 1, found {count} ({count.Type.Name()})",
                "write a number such as 3 (a parameter cannot be used: the plan depends on it)");
            return;
        }
        var id = cx.Resolve(points, idArg, t => t.IsComparable(), "a column that identifies each point (not a geography)");
        var geo = cx.ResolveGeography(points, geoArg);
        if (id is null || geo is null) return;
        cx.Output("result", ComponentLowering.Knn(cx, points, id, geo, (int)k, within, cx.Step));
    }
}

public static partial class ComponentLowering
{
    /// <summary>
    /// The k nearest other points of each point of one table: the k + 1 nearest of the table itself (the point
    /// is its own nearest, at 0 m, unless it shares its place with others), the point itself removed by its id,
    /// numbered by distance to the millimetre then the neighbour's id, and the first k kept. A point with a NULL
    /// id or geography has no neighbours.
    /// </summary>
    public static int? Knn(LoweringContext cx, int points, Column id, Column geo, int k, Expr? withinMeters, StepInfo step)
    {
        if (!cx.RequireKnownColumns(points, step, "the nearest neighbours")) return null;
        var distance = ExprFactory.Call(Functions.Distance, ExprFactory.Column(geo, 0), ExprFactory.Column(geo, 1));
        var others = cx.Builder.SchemaOf(points).Columns.Where(c => c.Type is not (SqlType.Geography or SqlType.Unknown))
            .Select(c => new SortKey(ExprFactory.Column(c, 1), false))
            .Prepend(new SortKey(ExprFactory.Call(Functions.Round, distance, Literal.Int(3)), false));
        Seq<JoinOutput> outputs = [new(0, geo.Name, "geo"), new(1, geo.Name, "geo_knn"), new(0, id.Name, "geoid"), new(1, id.Name, "geoid_knn")];
        var nearest = cx.Builder.Nearest(points, points, k + 1, distance, others, withinMeters, outputs, "distance", step.Name + "_candidates", step.Origin);

        var schema = cx.Builder.SchemaOf(nearest.Id);
        Expr Col(string name) => ExprFactory.Column(schema.Find(name)!);
        var notSelf = cx.Builder.Filter(nearest.Id, ExprFactory.Binary(BinaryOp.NotEqual, Col("geoid_knn"), Col("geoid")), FilterBranch.Match, step.Name + "_others", step.Origin);
        var rank = new WindowCall("knn", WindowFunction.RowNumber, [], [Col("geoid")],
            [new WindowKey(ExprFactory.Call(Functions.Round, Col("distance"), Literal.Int(3)), Descending: false, NullsFirst: false),
             new WindowKey(Col("geoid_knn"), Descending: false, NullsFirst: false)], null);
        var numbered = cx.Builder.Window(notSelf.Id, [rank], step.Name + "_numbered", step.Origin);
        var knn = cx.Builder.SchemaOf(numbered.Id).Find("knn")!;
        return cx.Builder.Filter(numbered.Id, ExprFactory.Binary(BinaryOp.LessOrEqual, ExprFactory.Column(knn), Literal.Int(k)), FilterBranch.Match, step.Name, step.Origin).Id;
    }
}
