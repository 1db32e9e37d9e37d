namespace Cwf.Diagnostics;

// CWF2800-CWF2899: the component contract, checked the same way for .cwf steps and canvas nodes
// (src/Cwf/Components). The rest of CWF2xxx belongs to the .cwf binder.
public static partial class DiagnosticCodes
{
    public static DiagnosticDescriptor UnknownColumn { get; } = Error("CWF2800", "Unknown column", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ColumnTypeMismatch { get; } = Error("CWF2801", "Column has the wrong type for this step", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ColumnReplaced { get; } = Warning("CWF2802", "Added column replaces an existing column", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor DuplicateOutputColumn { get; } = Error("CWF2803", "Two output columns have the same name", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor NoColumnsLeft { get; } = Error("CWF2804", "Step leaves no columns", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnionMismatch { get; } = Error("CWF2805", "Union inputs differ in column names or types", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidLimit { get; } = Error("CWF2806", "Limit is not a non-negative integer", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidResolution { get; } = Error("CWF2807", "H3 resolution is not an integer from 0 to 15", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidQuadbinResolution { get; } = Error("CWF2900", "Quadbin resolution is not an integer from 0 to 26", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidKRingSize { get; } = Error("CWF2910", "K-ring size is not an integer from 0 to 1000", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidFilterValue { get; } = Error("CWF2808", "Filter value does not fit the column's type", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor NotComparable { get; } = Error("CWF2809", "Geography values cannot be compared, sorted or grouped", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor PredicateNotBoolean { get; } = Error("CWF2810", "Filter condition is not a boolean", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor OpaqueComponent { get; } = Warning("CWF2811", "Component is not understood by cwf and is kept opaque", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UncheckedSchema { get; } = Warning("CWF2812", "Result schema unknown: later columns are not checked", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidAggregation { get; } = Error("CWF2813", "Aggregation does not apply to the column", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidDistance { get; } = Error("CWF2814", "Distance is not a number", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnknownInputColumns { get; } = Error("CWF2816", "Step must list its input's columns, but they are unknown", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor TooManyCallInputs { get; } = Error("CWF2250", "A procedure call takes at most two inputs ($a, $b)", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor TooManyCustomSqlInputs { get; } = Error("CWF2815", "Custom SQL takes at most three inputs ($a, $b, $c)", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor NoArrays { get; } = Error("CWF2201", "Component needs arrays, which cwf does not have", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnsupportedCastType { get; } = Error("CWF2202", "Cast to a type cwf does not have", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor FullSpatialJoin { get; } = Error("CWF2203", "A full outer spatial join is not supported", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidSampleSeed { get; } = Error("CWF2204", "Sample seed out of range", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidJoinColumns { get; } = Error("CWF2210", "Join column list is not a list of name and join name", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor JoinWhereClause { get; } = Error("CWF2211", "Join where clause is not supported", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor CallResultWithoutOutput { get; } = Error("CWF2212", "A procedure call's result is read, but its statement names no $output", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor GeographyTextForm { get; } = Error("CWF2213", "Geography text is neither GeoJSON nor well-known text", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor NormalizeZScores { get; } = Error("CWF2230", "Z-score normalization is not supported", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor UnsupportedSrid { get; } = Error("CWF2300", "SRID other than 4326", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ValuesRowWidth { get; } = Error("CWF2310", "Values row has the wrong number of values", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ValuesNullNotAllowed { get; } = Error("CWF2311", "NULL in a not null column of values", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidGeoJson { get; } = Error("CWF2320", "GeoJSON is not a FeatureCollection cwf can read", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor GeoJsonTooLarge { get; } = Error("CWF2321", "GeoJSON is too large to inline", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor GeoJsonPropertyName { get; } = Error("CWF2322", "GeoJSON property name cannot be a column", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor CoordinateOutOfRange { get; } = Error("CWF2323", "Longitude or latitude out of range", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidStepArgument { get; } = Error("CWF2850", "Argument does not fit the component's step", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor InvalidClusteringValue { get; } = Error("CWF2860", "Clustering parameter is not a constant in its range", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ExternalServiceOption { get; } = Error("CWF2870", "External-service option cwf cannot pass to the toolbox", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor GridStatisticValue { get; } = Error("CWF2871", "Grid statistic parameter is not a constant in its range", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ExternalServiceColumnClash { get; } = Error("CWF2872", "Input already has a column the external service adds", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor EnrichmentAggregation { get; } = Error("CWF2873", "Enrichment aggregation the toolbox does not have", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor TilesetOption { get; } = Error("CWF2874", "Tileset option is not a constant in its range", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor TilesetZoomRange { get; } = Error("CWF2875", "Tileset minimum zoom is above its maximum", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor TilesetDestination { get; } = Error("CWF2876", "Tileset table names no dataset", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ImportUrl { get; } = Error("CWF2877", "Import URL is not an http or https address", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor ImportOption { get; } = Error("CWF2878", "Import option is unknown or not a constant true or false", DiagnosticCategory.Binding);
    public static DiagnosticDescriptor CartoCredentials { get; } = Error("CWF2879", "CARTO API base URL or access token missing or malformed", DiagnosticCategory.Emit);
    public static DiagnosticDescriptor CartoConnection { get; } = Error("CWF2880", "CARTO connection name malformed", DiagnosticCategory.Emit);
}
