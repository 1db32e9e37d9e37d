using System.Text.Json.Nodes;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.isolines</c>: the area reachable from each row's point within a time or distance, computed by a
/// routing service through the CARTO Analytics Toolbox's <c>CREATE_ISOLINES</c> (BigQuery, Snowflake, Redshift;
/// CWF6002 elsewhere; CWF7800 in process). The step's rows are the input's, the geography column holding the
/// isoline, plus <c>carto_isoline_metadata</c>. <c>isolines geo, 600 { mode: 'car', type: 'time' }</c>.
/// </summary>
public sealed class IsolinesComponent : GenericStepComponent
{
    private const string Procedure = "CREATE_ISOLINES";
    private const string Reference = "https://docs.carto.com/data-and-analysis/analytics-toolbox-for-bigquery/sql-reference/lds#create_isolines";

    public override string Id => "native.isolines";
    public override string Title => "Create isolines";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("geo"), new("range", ParameterKind.Number),
        new("mode", ParameterKind.String, Required: false, Default: "car"),
        // "type" in the 2025 export, "range_type" in older ones; "time" when neither is set.
        new("type", ParameterKind.Selection, Required: false) { Options = ["time", "distance"] },
        new("range_type", ParameterKind.Selection, Required: false) { Options = ["time", "distance"] },
        new("customoptions", ParameterKind.String, Required: false, Default: ""),
        new("traveltime_departure_time", ParameterKind.String, Required: false, Default: ""),
        new("traveltime_single_shape", ParameterKind.Boolean, Required: false, Default: "true"),
        // The product's own credentials for the service; the toolbox's procedure takes the ones it was set up with.
        new("credentials", ParameterKind.String, Required: false, Default: ""),
    ];
    public override GenericStepForm Form { get; } = new("isolines", ["geo", "range"]);
    public override ComponentDoc Doc { get; } = new(
        "`isolines geo, 600 { mode: 'car', type: 'time' }`",
        "`Opaque` calling the toolbox's `CREATE_ISOLINES(input, output, geo, mode, range, type, options)`",
        "input, `geo` the isoline (geography), + `carto_isoline_metadata` (string)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        var type = v.Selection("type") ?? v.Selection("range_type") ?? "time";
        if ((v.Column("geo"), v.Number("range"), v.Text("mode"), v.Text("customoptions"), v.Text("traveltime_departure_time"), v.Boolean("traveltime_single_shape"))
            is not ({ } geo, { } range, { } mode, { } custom, { } departure, { } single) || v.Failed) return;
        if (cx.ResolveGeography(source, geo) is not { } g || !cx.RequireKnownColumns(source, cx.Step, "declaring the isolines' columns")) return;
        if (range is not Literal { Value: not null } rangeValue)
        {
            cx.Diagnostics.Report(DiagnosticCodes.ExternalServiceOption, v.LocationOf("range"),
                "the isolines' range must be a constant number: the toolbox procedure takes it as a literal", "write a number of seconds or meters");
            return;
        }
        if (departure.Length > 0)
        {
            cx.Diagnostics.Report(DiagnosticCodes.ExternalServiceOption, v.LocationOf("traveltime_departure_time"),
                $"cwf cannot pass the departure time to {Procedure}: its documented arguments have no place for it", "leave it empty, or write the option in customoptions as the toolbox documents it");
            return;
        }
        var options = custom.Trim().Length > 0 ? custom : Options(single);
        double meters = Convert.ToDouble(rangeValue.Value, System.Globalization.CultureInfo.InvariantCulture);
        Seq<ToolboxArgument> common =
        [
            new ToolboxArgument.InputQuery(), new ToolboxArgument.OutputTable(), new ToolboxArgument.Text(g.Name),
            new ToolboxArgument.Text(mode.ToLowerInvariant()), new ToolboxArgument.Number(meters), new ToolboxArgument.Text(type), new ToolboxArgument.Text(options),
        ];
        var call = ToolboxCall.LocationDataService(Procedure, common, Reference);
        var input = cx.Builder.SchemaOf(source);
        var columns = input.Columns.Select(c => c.Name == g.Name ? c with { Type = SqlType.Geography, Nullable = true } : c)
            .Append(new Column("carto_isoline_metadata", SqlType.String, Nullable: true));
        cx.Output("result", cx.Builder.Opaque([source], Id, null, new Schema(columns.ToSeq()), System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, cx.Step.Name, cx.Step.Origin, call).Id);
    }

    /// <summary>The options the product writes for a single shape (one polygon per row), keeping the row's other columns.</summary>
    private static string Options(bool singleShape)
    {
        var options = new JsonObject();
        if (singleShape) options["polygons_filter"] = new JsonObject { ["limit"] = 1 };
        options["carto_keep_orig_geom"] = true;
        return options.ToJsonString();
    }
}
