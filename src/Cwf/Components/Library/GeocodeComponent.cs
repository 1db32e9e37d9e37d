using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.geocode</c>: the point of each row's address, found by a geocoding service through the CARTO Analytics
/// Toolbox's <c>GEOCODE_TABLE</c> (BigQuery, Snowflake, Redshift; CWF6002 elsewhere; CWF7800 in process). The
/// procedure alters a copy of the input, adding <c>geom</c> and <c>carto_geocode_metadata</c>, as the product's own
/// SQL does; <c>match</c> is the rows it geocoded (<c>geom</c> not NULL), <c>unmatch</c> the others.
/// <c>geocode address { country: 'Spain' }</c> (the matches).
/// </summary>
public sealed class GeocodeComponent : GenericStepComponent
{
    private const string Procedure = "GEOCODE_TABLE";
    private const string Reference = "https://docs.carto.com/data-and-analysis/analytics-toolbox-for-bigquery/sql-reference/lds#geocode_table";
    private const string Point = "geom";
    private const string Metadata = "carto_geocode_metadata";

    public override string Id => "native.geocode";
    public override string Title => "Geocode";
    public override ComponentCategory Category => ComponentCategory.Parsers;
    public override Seq<string> Outputs => FilterOutputs.Names;
    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("address"),
        new("country", ParameterKind.Selection, Required: false) { Options = GeocodeCountries.Names },
        new("customoptions", ParameterKind.String, Required: false, Default: ""),
    ];
    public override GenericStepForm Form { get; } = new("geocode", ["address"]);
    public override ComponentDoc Doc { get; } = new(
        "`geocode address { country: 'Spain' }`",
        "`Opaque` calling the toolbox's `GEOCODE_TABLE(table, address, 'geom', country, options)` on a copy of the input; `Filter` `geom` not NULL (match) / NULL (unmatch)",
        "input + `geom` (geography) + `carto_geocode_metadata` (string)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        var country = v.Selection("country");
        if ((v.Column("address"), v.Text("customoptions")) is not ({ } addressArg, { } custom) || v.Failed) return;
        var address = cx.Resolve(source, addressArg, t => t == SqlType.String, "a string column of addresses");
        if (address is null || !cx.RequireKnownColumns(source, cx.Step, "declaring the geocoded columns")) return;
        var input = cx.Builder.SchemaOf(source);
        if (input.Columns.FirstOrDefault(c => c.Name.Equals(Point, StringComparison.OrdinalIgnoreCase) || c.Name.Equals(Metadata, StringComparison.OrdinalIgnoreCase)) is { } clash)
        {
            cx.Diagnostics.Report(DiagnosticCodes.ExternalServiceColumnClash, cx.Step.Origin,
                $"the input of '{cx.Step.Name}' already has a column '{clash.Name}', which {Procedure} adds to the geocoded table",
                $"rename or drop '{clash.Name}' before geocoding");
            return;
        }
        ToolboxArgument code = country is null ? new ToolboxArgument.Null() : new ToolboxArgument.Text(GeocodeCountries.CodeOf(country));
        ToolboxArgument options = custom.Trim().Length == 0 ? new ToolboxArgument.Null() : new ToolboxArgument.Text(custom);
        Seq<ToolboxArgument> common = [new ToolboxArgument.OutputTable(), new ToolboxArgument.Text(address.Name), new ToolboxArgument.Text(Point), code, options];
        var call = ToolboxCall.LocationDataService(Procedure, common, Reference, copiesInput: true);
        var schema = new Schema([.. input.Columns, new Column(Point, SqlType.Geography, Nullable: true), new Column(Metadata, SqlType.String, Nullable: true)]);
        int geocoded = cx.Shared("geocoded", () => cx.Builder.Opaque([source], Id, null, schema, ImmutableSortedDictionary<string, string>.Empty, cx.Step.Name + "_geocoded", cx.Step.Origin, call).Id);
        var located = ExprFactory.IsNull(ExprFactory.Column(schema.Find(Point)!), negated: true);
        FilterOutputs.Lower(cx, (branch, step) => cx.Builder.Filter(geocoded, located, branch, step.Name, step.Origin).Id);
    }
}
