using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.createtileset</c>: writes the input's rows as a vector tileset into the table <c>destination</c> through the
/// CARTO Analytics Toolbox's <c>CREATE_TILESET(input, output_table, options)</c> (BigQuery only: the other toolboxes
/// have <c>CREATE_SIMPLE_TILESET</c> with other options, so CWF6002 elsewhere; CWF7800 in process). The step acts as a
/// sink (it runs though nothing reads it) and its result is the tileset table, whose columns no documentation gives:
/// the product's next steps read it whole. <c>tileset geom, 'p.d.tiles' { zoom_min: 0, zoom_max: 12 }</c>. The export's
/// <c>optimizationcol</c> ("Cluster by", a storage hint of the product's own tables) is read as no parameter: the toolbox
/// writes the tileset table itself.
/// </summary>
public sealed class CreateTilesetComponent : GenericStepComponent
{
    private const string Procedure = "CREATE_TILESET";
    private const string Reference = "https://docs.carto.com/data-and-analysis/analytics-toolbox-for-bigquery/sql-reference/tiler#create_tileset";

    // The export's limits for its inputs (find_string id 26125032227): the product's form refuses values outside them.
    private const long LowestZoom = 0, HighestMinimumZoom = 18, LowestMaximumZoom = 1, HighestZoom = 20, LargestTileKb = 6144;

    public override string Id => "native.createtileset";
    public override string Title => "Create tileset";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } =
    [
        new("destination", ParameterKind.OutputTable),
        ComponentParameter.Column("geo"),
        new("name", ParameterKind.String, Required: false, Default: ""),
        new("description", ParameterKind.String, Required: false, Default: ""),
        new("zoom_min", ParameterKind.Integer, Required: false, Default: "4"),
        new("zoom_max", ParameterKind.Integer, Required: false, Default: "10"),
        new("zoom_min_col", ParameterKind.Column, Required: false, Parent: "source"),
        new("zoom_max_col", ParameterKind.Column, Required: false, Parent: "source"),
        new("max_tile_size_kb", ParameterKind.Integer, Required: false, Default: "512"),
        new("tile_feature_order", ParameterKind.String, Required: false, Default: ""),
        new("drop_duplicates", ParameterKind.Boolean, Required: false, Default: "true"),
    ];
    public override GenericStepForm Form { get; } = new("tileset", ["geo", "destination"]);
    public override ComponentDoc Doc { get; } = new(
        "`tileset geom, 'p.d.tiles' { zoom_min: 0, zoom_max: 12 }`",
        "`Opaque` calling the toolbox's `CREATE_TILESET(input, destination, options)` after dropping `destination`; runs though nothing reads it",
        "the tileset table `destination` (columns not declared)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Table("destination"), v.Column("geo"), v.Text("name"), v.Text("description"), v.Integer("zoom_min"), v.Integer("zoom_max"),
                v.Integer("max_tile_size_kb"), v.Text("tile_feature_order"), v.Boolean("drop_duplicates"))
            is not ({ } destination, { } geoArg, { } name, { } description, { } zoomMin, { } zoomMax, { } tileKb, { } order, { } dropDuplicates)) return;
        var (minColumnArg, maxColumnArg) = (v.Column("zoom_min_col"), v.Column("zoom_max_col"));
        if (v.Failed || cx.ResolveGeography(source, geoArg) is not { } geo) return;
        var minColumn = minColumnArg is null ? null : cx.ResolveNumeric(source, minColumnArg);
        var maxColumn = maxColumnArg is null ? null : cx.ResolveNumeric(source, maxColumnArg);
        if (minColumnArg is not null && minColumn is null || maxColumnArg is not null && maxColumn is null) return;
        if (destination.Parts.Count < 2)
        {
            cx.Diagnostics.Report(DiagnosticCodes.TilesetDestination, v.LocationOf("destination"),
                $"the tileset's table '{destination}' names no dataset: {Procedure} creates it in a dataset that must exist",
                "write it as dataset.table or project.dataset.table");
            return;
        }
        if (Constant(cx, "zoom_min", zoomMin, LowestZoom, HighestMinimumZoom, "the minimum zoom level") is not { } low
            || Constant(cx, "zoom_max", zoomMax, LowestMaximumZoom, HighestZoom, "the maximum zoom level") is not { } high
            || Constant(cx, "max_tile_size_kb", tileKb, 1, LargestTileKb, "the maximum tile size (KB)") is not { } kb) return;
        if (low > high)
        {
            cx.Diagnostics.Report(DiagnosticCodes.TilesetZoomRange, v.LocationOf("zoom_min"),
                $"the tileset's minimum zoom level ({low}) is above its maximum ({high})", $"lower zoom_min to {high} or less, or raise zoom_max");
            return;
        }

        Seq<ToolboxField> options =
        [
            new("name", Text(name)), new("description", Text(description)), new("legend", new ToolboxArgument.Null()),
            new("zoom_min", new ToolboxArgument.Integer(low)), new("zoom_max", new ToolboxArgument.Integer(high)),
            new("geom_column_name", new ToolboxArgument.Text(geo.Name)),
            new("zoom_min_column", minColumn is null ? new ToolboxArgument.Null() : new ToolboxArgument.Text(minColumn.Name)),
            new("zoom_max_column", maxColumn is null ? new ToolboxArgument.Null() : new ToolboxArgument.Text(maxColumn.Name)),
            new("max_tile_size_kb", new ToolboxArgument.Integer(kb)), new("tile_feature_order", Text(order)),
            new("drop_duplicates", new ToolboxArgument.Boolean(dropDuplicates)), new("extra_metadata", new ToolboxArgument.Null()),
        ];
        Seq<ToolboxArgument> arguments = [new ToolboxArgument.InputQuery(Parenthesized: true), new ToolboxArgument.OutputTable(), new ToolboxArgument.Record(options)];
        var call = new ToolboxCall(Procedure, [new ToolboxSignature("bigquery", arguments)], Reference)
        {
            Destination = destination,
            Alternative = "elsewhere the toolbox's CREATE_SIMPLE_TILESET (CREATE_VECTOR_TILESET on Databricks) takes other options: call it with a procedure step (native.call)",
        };
        cx.Output("result", cx.Builder.Opaque([source], Id, null, Schema.Open, ImmutableSortedDictionary<string, string>.Empty, cx.Step.Name, cx.Step.Origin, call).Id);
    }

    /// <summary>An empty text is the procedure's NULL (its default), as the product writes it.</summary>
    private static ToolboxArgument Text(string value) => value.Length == 0 ? new ToolboxArgument.Null() : new ToolboxArgument.Text(value);

    /// <summary>A whole number the procedure takes as a literal, within the product's limits; null after reporting CWF2874.</summary>
    private static long? Constant(ComponentLoweringContext cx, string name, Expr value, long min, long max, string what)
    {
        if (value is Literal { Value: long n } && n >= min && n <= max) return n;
        cx.Diagnostics.Report(DiagnosticCodes.TilesetOption, cx.Values.LocationOf(name),
            $"{what} of the tileset must be a constant whole number from {min} to {max}, but it is {(value is ParamRef p ? $"the parameter '{p.Name}'" : value.ToString())}: {Procedure} takes it as a literal",
            $"write a number from {min} to {max}");
        return null;
    }
}
