using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// What the enrichment components (<c>native.enrichpolygons</c>, <c>native.enrichpoints</c>) have in common: the
/// target rows, whose geography column is enriched, and the source rows, whose columns are aggregated over the
/// source features that intersect each target feature, through the CARTO Analytics Toolbox's data module
/// (<c>ENRICH_POLYGONS</c>, <c>ENRICH_POINTS</c>) on BigQuery and Snowflake. The step's rows are the target's, plus
/// one column per variable named <c>column_aggregation</c>, as the toolbox names them.
/// </summary>
internal static class Enrichment
{
    /// <summary>The aggregations the toolbox's enrichment procedures document.</summary>
    public static Seq<string> Aggregations { get; } = ["sum", "avg", "min", "max", "count"];

    public static Seq<ComponentPort> Inputs { get; } = [new("target"), new("source")];

    /// <summary>The inputs of the real exports' <c>native.enrichpolygons</c> node.</summary>
    public static Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("target_col", "target"), ComponentParameter.Column("source_col", "source"),
        new("variables", ParameterKind.ColumnAggregation, Parent: "source"),
    ];

    /// <summary>
    /// The step: <c>CALL {toolbox}.PROCEDURE(target query, target geo, source query, source geo, variables, [output])</c>,
    /// whose table holds the target's columns and the aggregates (SUM and AVG weighted by the intersected share, so
    /// FLOAT64; COUNT INT64; MIN and MAX of the column's type).
    /// </summary>
    public static void Build(ComponentLoweringContext cx, string component, string procedure, string reference)
    {
        var v = cx.Values;
        int target = cx.Input("target"), source = cx.Input("source");
        if ((v.Column("target_col"), v.Column("source_col"), v.Aggregations("variables")) is not ({ } targetArg, { } sourceArg, { } pairs) || v.Failed) return;
        if (cx.ResolveGeography(target, targetArg) is not { } targetGeo || cx.ResolveGeography(source, sourceArg) is not { } sourceGeo) return;
        if (!cx.RequireKnownColumns(target, cx.Step, "declaring the enriched columns")) return;
        var columns = cx.Builder.SchemaOf(target).Columns.ToList();
        var variables = new List<ToolboxVariable>();
        foreach (var pair in pairs)
        {
            var method = pair.Method.ToLowerInvariant();
            if (!Aggregations.Contains(method))
            {
                cx.Diagnostics.Report(DiagnosticCodes.EnrichmentAggregation, pair.Location,
                    $"{procedure} cannot aggregate by '{pair.Method}'", "use one of " + string.Join(", ", Aggregations));
                return;
            }
            var column = method is "sum" or "avg"
                ? cx.ResolveNumeric(source, pair.Column)
                : cx.Resolve(source, pair.Column, t => t != SqlType.Geography, "a column that is not a geography");
            if (column is null) return;
            var name = $"{column.Name}_{method}";
            if (columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } clash)
            {
                cx.Diagnostics.Report(DiagnosticCodes.ExternalServiceColumnClash, pair.Location,
                    $"the enriched table of '{cx.Step.Name}' would have the column '{clash.Name}' twice: {procedure} adds '{name}' for {method}({column.Name})",
                    $"rename or drop '{clash.Name}' before enriching, or list {method}({column.Name}) once");
                return;
            }
            columns.Add(new Column(name, method switch { "count" => SqlType.Int64, "min" or "max" => column.Type, _ => SqlType.Float64 }, Nullable: true));
            variables.Add(new ToolboxVariable(column.Name, method));
        }
        Seq<ToolboxArgument> arguments =
        [
            new ToolboxArgument.InputQuery(), new ToolboxArgument.Text(targetGeo.Name), new ToolboxArgument.InputQuery(1),
            new ToolboxArgument.Text(sourceGeo.Name), new ToolboxArgument.Variables([.. variables]), new ToolboxArgument.OutputTableArray(),
        ];
        var call = new ToolboxCall(procedure, [new ToolboxSignature("bigquery", arguments), new ToolboxSignature("snowflake", arguments)], reference);
        cx.Output("result", cx.Builder.Opaque([target, source], component, null, new Schema([.. columns]), ImmutableSortedDictionary<string, string>.Empty,
            cx.Step.Name, cx.Step.Origin, call).Id);
    }
}
