using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.clusterkmeans</c>: adds <c>cluster</c>, the row's k-means cluster (0-based) over the whole input;
/// <c>clusterkmeans geo { nclusters: 6 } [as name]</c>.
/// </summary>
public sealed class ClusterKMeansComponent : GenericStepComponent
{
    public override string Id => "native.clusterkmeans";
    public override string Title => "K-means clustering";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), new("nclusters", ParameterKind.Integer, Required: false, Default: "3")];
    public override GenericStepForm Form { get; } = new("clusterkmeans", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`clusterkmeans geo { nclusters: 6 } [as name]`",
        "`Window` adding `cluster` = `cluster_kmeans(geo, nclusters) over ()`",
        "input + `cluster` (int64, NULL for a NULL or empty geography)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        if ((v.Column("geo"), v.Integer("nclusters")) is not ({ } geo, { } k) || v.Failed) return;
        if (ComponentLowering.ClusteringConstant(cx, "nclusters", k, 1, "the number of clusters", "a whole number of at least 1") is not { } clusters) return;
        cx.Output("result", ComponentLowering.Cluster(cx, geo, WindowFunction.ClusterKMeans, [clusters]));
    }
}

public static partial class ComponentLowering
{
    /// <summary>A clustering's value: a literal of at least <paramref name="minimum"/> (a parameter cannot size the clusters), or null after reporting it.</summary>
    public static Literal? ClusteringConstant(ComponentLoweringContext cx, string parameter, Expr value, double minimum, string what, string expected)
    {
        if (value is Literal { Value: not null } literal && Convert.ToDouble(literal.Value, System.Globalization.CultureInfo.InvariantCulture) >= minimum) return literal;
        cx.Diagnostics.Report(DiagnosticCodes.InvalidClusteringValue, cx.Values.LocationOf(parameter),
            $"{what} must be {expected}, but it is {Describe(value)}", "write a constant number");
        return null;
    }

    private static string Describe(Expr value) => value switch
    {
        ParamRef p => $"the parameter '{p.Name}'",
        Literal { Value: null } => "NULL",
        _ => value.ToString(),
    };

    /// <summary>A Window step adding <c>cluster</c> (or the .cwf <c>as</c> name): the clustering over the whole input.</summary>
    public static int? Cluster(ComponentLoweringContext cx, ColumnArg geo, WindowFunction function, Seq<Expr> parameters)
    {
        int source = cx.Input("source");
        if (cx.ResolveGeography(source, geo) is not { } g) return null;
        if (!cx.RequireKnownColumns(source, cx.Step, "adding the cluster column")) return null;
        string name = cx.OutputName ?? "cluster";
        var schema = cx.Builder.SchemaOf(source);
        if (schema.Find(name) is { } existing)
            cx.Diagnostics.Report(DiagnosticCodes.ColumnReplaced, cx.Step.Origin,
                $"the new column '{name}' replaces the existing column '{existing.Name}'", "rename one of them to keep both");
        var call = new WindowCall(name, function, [ExprFactory.Column(g), .. parameters], [], [], null);
        return cx.Builder.Window(source, [call], cx.Step.Name, cx.Step.Origin).Id;
    }
}
