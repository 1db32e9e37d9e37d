using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// What the enrichment components (<c>native.enrichpolygons</c>, <c>native.enrichpoints</c>, <c>native.h3enrich</c>)
/// have in common: the target rows, whose geography column (or column of H3 cells) is enriched, and the source rows,
/// whose columns are aggregated over the source features that intersect each target feature, through the CARTO
/// Analytics Toolbox's data module (<c>ENRICH_POLYGONS</c>, <c>ENRICH_POINTS</c>, <c>ENRICH_GRID</c>; where each is
/// documented: <see cref="EnrichmentProcedure"/>). The step's rows are the target's, plus one column per variable
/// named <c>column_aggregation</c>, as the toolbox names them.
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
    /// The step: <c>CALL {toolbox}.PROCEDURE([grid type,] target query, target column, source query, source geo, variables, output)</c>,
    /// whose table holds the target's columns and the aggregates (SUM and AVG weighted by the intersected share, so
    /// FLOAT64; COUNT INT64; MIN and MAX of the column's type).
    /// </summary>
    public static void Build(ComponentLoweringContext cx, string component, EnrichmentProcedure enrichment)
    {
        var v = cx.Values;
        var procedure = enrichment.Name;
        int target = cx.Input("target"), source = cx.Input("source");
        if ((v.Column("target_col"), v.Column("source_col"), v.Aggregations("variables")) is not ({ } targetArg, { } sourceArg, { } pairs) || v.Failed) return;
        var targetColumn = enrichment.GridType is null
            ? cx.ResolveGeography(target, targetArg)
            : cx.Resolve(target, targetArg, t => t == SqlType.String, "a column of H3 cells (string)");
        if (targetColumn is null || cx.ResolveGeography(source, sourceArg) is not { } sourceGeo) return;
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
        Seq<ToolboxArgument> head =
        [
            .. enrichment.GridType is { } grid ? [new ToolboxArgument.Text(grid)] : Array.Empty<ToolboxArgument>(),
            new ToolboxArgument.InputQuery(), new ToolboxArgument.Text(targetColumn.Name), new ToolboxArgument.InputQuery(1),
            new ToolboxArgument.Text(sourceGeo.Name), new ToolboxArgument.Variables([.. variables]),
        ];
        // BigQuery's and Snowflake's procedures take the output as an array (the table, then an optional clause),
        // Redshift's and Databricks' as the table's name.
        var call = new ToolboxCall(procedure, [.. enrichment.Warehouses.Select(w => new ToolboxSignature(w,
            [.. head, w is "bigquery" or "snowflake" ? new ToolboxArgument.OutputTableArray() : new ToolboxArgument.OutputTable()]))], enrichment.Reference);
        cx.Output("result", cx.Builder.Opaque([target, source], component, null, new Schema([.. columns]), ImmutableSortedDictionary<string, string>.Empty,
            cx.Step.Name, cx.Step.Origin, call).Id);
    }
}
