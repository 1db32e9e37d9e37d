using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>nearest 3 from stores [on geom, stores.geom] [within 5 km] [as distance]</c>: each piped row with its k
/// nearest rows of another relation (geodesic distance in meters, ranked to the millimetre), ties broken by the other side's columns.
/// A .cwf step: the canvas's K-nearest-neighbours component pairs the points of one table with each other
/// (<see cref="KnnComponent"/>, built on the same node).
/// </summary>
public sealed class NearestComponent : StepComponent
{
    public override string Id => "cwf.nearest";
    public override string Title => "Nearest neighbours";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentPort> Inputs { get; } = [new("maintable"), new("secondarytable")];
    public override Seq<ComponentParameter> Parameters => [];
    public override bool HasCanvasForm => false;

    public override Seq<string> Keywords { get; } = ["nearest"];
    public override bool NamesPipedInput => true;

    public override ComponentDoc Doc { get; } = new(
        "`nearest k from other [on geo, other.geo] [within 5 km] [as name]`",
        "`Nearest`: the k nearest rows of secondary per main row, by `st_distance`, then secondary's columns",
        "input, other's columns as `<col>_joined`, then `distance` (float64, meters)");

    public override void Lower(CanvasLoweringContext cx) =>
        throw new InvalidOperationException("cwf.nearest has no canvas form: no canvas node resolves to it.");

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        throw new InvalidOperationException("cwf.nearest has no canvas form: no canvas node resolves to it.");

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var n = (NearestStepSyntax)step;
        if (cx.Join(n.Other) is not { } join) return null;
        var count = cx.Scalar(n.Count, "a neighbour count");
        Expr? within = null;
        if (n.Within is { } bound)
        {
            within = cx.Length(bound, n.Unit, "a distance bound");
            if (within is null) return null;
            if (Predicates.Columns(within).Any())
            {
                cx.Diagnostics.Report(DiagnosticCodes.NearestBoundNotConstant, cx.Locate(bound),
                    "the distance bound of nearest must be the same for every row: a number with a unit or a parameter",
                    "write a constant such as within 5 km, or filter on the distance column after the step");
                return null;
            }
        }
        if (count is null) return null;
        if (count is not Literal { Value: long k } || k < 1 || k > int.MaxValue)
        {
            cx.Diagnostics.Report(DiagnosticCodes.InvalidNeighbourCount, cx.Locate(n.Count),
                $"the number of neighbours must be a whole number of at least 1, found {count} ({count.Type.Name()})", "write a number such as nearest 3 from other");
            return null;
        }
        var (main, other) = (Geography(cx, join, n.Geography, join.Main, join.MainName, true), Geography(cx, join, n.OtherGeography, join.Other, join.OtherName, false));
        if (main is null || other is null) return null;
        var id = ComponentLowering.Nearest(cx.Lowering, join.Main, join.Other, (int)k, main, other, within, n.Alias?.Name ?? "distance", cx.Step);
        return join.Joined(id);
    }

    /// <summary>The named geography column of one side, else its only geography column (CWF2601 when there is none or several).</summary>
    private static ColumnArg? Geography(StepBinding cx, JoinBinding join, NameSyntax? named, int input, string sideName, bool main)
    {
        if (named is not null) return main ? join.MainColumn(named) : join.OtherColumn(named);
        var geographies = cx.Lowering.Builder.SchemaOf(input).Columns.Where(c => c.Type == SqlType.Geography).ToList();
        if (geographies.Count == 1) return new ColumnArg(geographies[0].Name, cx.Step.Origin);
        cx.Diagnostics.Report(DiagnosticCodes.NearestGeographyUnclear, cx.Step.Origin,
            geographies.Count == 0
                ? $"'{sideName}' has no geography column to measure distances from"
                : $"'{sideName}' has {geographies.Count} geography columns ({string.Join(", ", geographies.Select(c => c.Name))}): which one is meant is unclear",
            "name them: nearest k from other on geo, other.geo");
        return null;
    }

    public override void Check(StepSyntax step, StepBinding open) => open.Relation(((NearestStepSyntax)step).Other);
}

public static partial class ComponentLowering
{
    /// <summary>
    /// Nearest neighbours: the k rows of secondary nearest to each main row by the geodesic distance
    /// of the two geographies (within the bound, in meters, when given); ties broken by secondary's
    /// comparable columns in order; main's columns, secondary's as <c>&lt;col&gt;_joined</c>, then the distance.
    /// </summary>
    public static int? Nearest(LoweringContext cx, int main, int secondary, int k, ColumnArg mainGeo, ColumnArg secondaryGeo, Expr? withinMeters,
        string distanceName, StepInfo step)
    {
        var left = cx.ResolveGeography(main, mainGeo);
        var right = cx.ResolveGeography(secondary, secondaryGeo);
        if (left is null || right is null) return null;
        if (!cx.RequireKnownColumns(main, step, "nearest") || !cx.RequireKnownColumns(secondary, step, "nearest")) return null;
        var rightSchema = cx.Builder.SchemaOf(secondary);
        var distance = ExprFactory.Call(Functions.Distance, ExprFactory.Column(left, 0), ExprFactory.Column(right, 1));
        // Engines compute a geodesic distance with other code, equal to about 1e-9: ranked to the
        // millimetre, mirror-image neighbours tie everywhere. Geographies cannot be compared on every
        // warehouse: the other columns break ties.
        var order = rightSchema.Columns.Where(c => c.Type is not (SqlType.Geography or SqlType.Unknown))
            .Select(c => new SortKey(ExprFactory.Column(c, 1), false))
            .Prepend(new SortKey(ExprFactory.Call(Functions.Round, distance, Literal.Int(3)), false));
        var outputs = cx.Builder.JoinedSuffixOutputs(main, secondary);
        if (!cx.CheckUniqueNames(outputs.Select(o => (o.Name, step.Origin)).Append((distanceName, step.Origin)))) return null;
        return cx.Builder.Nearest(main, secondary, k, distance, order, withinMeters, outputs, distanceName, step.Name, step.Origin).Id;
    }
}
