using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.h3distance</c> (H3 grid distance): adds <c>h3_distance</c> = h3_distance(h3_1, h3_2), the number of grid
/// steps between two cells; <c>h3_distance a, b [as name]</c>. Inputs and output from a public BigQuery export whose
/// generated SQL writes <c>H3_DISTANCE(h3_1, h3_2) AS h3_distance, *</c>: the new column comes first.
/// </summary>
public sealed class H3DistanceComponent : GenericStepComponent
{
    public override string Id => "native.h3distance";
    public override string Title => "H3 grid distance";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("h3_1"), ComponentParameter.Column("h3_2")];
    public override GenericStepForm Form { get; } = new("h3_distance", ["h3_1", "h3_2"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`h3_distance a, b [as name]`",
        "`Project`: `h3_distance = h3_distance(h3_1, h3_2)`, then the input's columns",
        "`h3_distance` (int64; NULL where H3 cannot tell), then the input");

    public override void Build(ComponentLoweringContext cx)
    {
        int source = cx.Input("source");
        var v = cx.Values;
        if ((v.Column("h3_1"), v.Column("h3_2")) is not ({ } first, { } second) || v.Failed) return;
        const string expected = "a string column of H3 cell ids";
        var a = cx.Resolve(source, first, t => t == SqlType.String, expected);
        var b = cx.Resolve(source, second, t => t == SqlType.String, expected);
        string name = cx.OutputName ?? "h3_distance";
        if (a is null || b is null || !cx.RequireKnownColumns(source, cx.Step, $"adding the column '{name}'")) return;
        NamedExpr[] columns =
        [
            new(name, ExprFactory.Call(Functions.H3Distance, ExprFactory.Column(a), ExprFactory.Column(b))),
            .. cx.Builder.SchemaOf(source).Columns.Select(LoweringContext.PassThrough),
        ];
        // The warehouse refuses a table with two columns of one name, so an input that has the name already is an error.
        if (!cx.CheckUniqueNames(columns.Select(c => (c.Name, cx.Step.Origin)))) return;
        cx.Output("result", cx.Builder.Project(source, columns, cx.Step.Name, cx.Step.Origin).Id);
    }
}
