using System.Text.Json.Nodes;

namespace Cwf.Tests.Conformance;

/// <summary>
/// How the product's editor describes each component's inputs in an export (canvas-format
/// section 2): the order of <c>data.inputs</c>, each input's <c>type</c>, <c>title</c>,
/// <c>options</c>, <c>dataType</c>, <c>parent</c>, <c>mode</c> and the optional/advanced flags,
/// as seen in real exports. The conformance canvases are written from this table, not from cwf's
/// own component catalog, so that they test what the product writes rather than what cwf expects.
/// </summary>
internal static class ProductComponents
{
    private static readonly string[] AnyType = ["geography", "boolean", "number", "string", "date", "datetime", "time", "timestamp"];
    private static readonly string[] Comparable = ["string", "number", "date", "datetime", "time", "timestamp"];
    private static readonly string[] Geo = ["geography"];
    private static readonly string[] Predicates = ["intersects", "contains", "within", "covers", "touches"];
    private static readonly string[] LengthUnits = ["Meters", "Kilometers", "Miles"];

    /// <summary>One entry of <c>data.inputs</c> without its value.</summary>
    internal sealed record Input(string Name, string Type, string Title)
    {
        public string[]? Options { get; init; }
        public string[]? DataType { get; init; }
        public string? Parent { get; init; }
        public string? ParentOutput { get; init; }
        public bool Multiple { get; init; }
        public bool Optional { get; init; }
        public bool Advanced { get; init; }
        public string[]? Providers { get; init; }
        public JsonNode? Default { get; init; }
        public double? Min { get; init; }
        public double? Max { get; init; }

        public JsonObject ToJson()
        {
            var json = new JsonObject { ["name"] = Name, ["type"] = Type, ["title"] = Title, ["description"] = Title };
            if (Parent is not null) json["parent"] = Parent;
            if (ParentOutput is not null) json["parentOutput"] = ParentOutput;
            if (Options is not null) json["options"] = new JsonArray([.. Options.Select(o => (JsonNode)o)]);
            if (DataType is not null) json["dataType"] = new JsonArray([.. DataType.Select(o => (JsonNode)o)]);
            if (Multiple) json["mode"] = "multiple";
            if (Providers is not null) json["providers"] = new JsonArray([.. Providers.Select(o => (JsonNode)o)]);
            if (Default is not null) json["default"] = Default.DeepClone();
            if (Min is not null) json["min"] = Min;
            if (Max is not null) json["max"] = Max;
            if (Optional) json["optional"] = true;
            if (Advanced) json["advanced"] = true;
            return json;
        }
    }

    private static Input Table(string name, string title) => new(name, "Table", title);

    private static Input Column(string name, string title, string[] dataType, string parent = "source") =>
        new(name, "Column", title) { DataType = dataType, Parent = parent };

    private static Input Selection(string name, string title, params string[] options) => new(name, "Selection", title) { Options = options };

    /// <summary>The BigQuery-only clustering hint most components carry, never given a value here.</summary>
    private static Input ClusterBy(string output = "result") =>
        new("optimizationcol", "Column", "Cluster by")
        { Parent = "source", ParentOutput = output, DataType = AnyType, Providers = ["bigquery"], Optional = true, Advanced = true };

    public static IReadOnlyDictionary<string, IReadOnlyList<Input>> All { get; } = new Dictionary<string, IReadOnlyList<Input>>
    {
        ["native.select"] = [Table("table", "Source table"), new("select", "StringSql", "Select")],
        ["native.selectexpression"] =
        [
            Table("source", "Source table"), new("column", "String", "Column name"),
            new("expression", "StringSql", "Expression"), ClusterBy(),
        ],
        ["native.dropcolumn"] =
        [
            Table("source", "Source table"),
            new("column", "Column", "Columns to drop") { Parent = "source", DataType = AnyType, Multiple = true },
        ],
        ["native.renamecolumn"] =
        [
            Table("source", "Source table"), Column("column", "Column to rename", AnyType), new("newname", "String", "New name"),
        ],
        ["native.where"] = [Table("source", "Source table"), new("expression", "StringSql", "Expression"), ClusterBy("match")],
        ["native.wheresimplified"] =
        [
            Table("source", "Source table"), Column("column", "Column", Comparable),
            Selection("operator", "Operator", "equal to", "not equal", "less than", "greater than", "equal or less than", "equal or greater than"),
            new("value", "String", "Value"), ClusterBy("match"),
        ],
        ["native.isnotnull"] = [Table("source", "Source table"), Column("column", "Column", AnyType), ClusterBy("match")],
        ["native.orderby"] =
        [
            Table("source", "Source table"), Column("column", "Column", Comparable),
            Selection("direction", "Direction", "Ascending", "Descending"),
        ],
        ["native.limit"] = [Table("source", "Source table"), new("limit", "Number", "Limit") { Min = 0 }],
        ["native.distinct"] = [Table("source", "Source table"), ClusterBy()],
        ["native.groupby"] =
        [
            Table("source", "Source table"),
            new("groupby", "Column", "Group by") { Parent = "source", DataType = [.. Comparable, "boolean"], Multiple = true },
            new("columns", "ColumnAggregation", "Aggregation") { Parent = "source" }, ClusterBy(),
        ],
        ["native.summarize"] = [Table("source", "Source table"), new("columns", "ColumnAggregation", "Aggregation") { Parent = "source" }],
        ["native.join"] =
        [
            Table("maintable", "Main table"), Table("secondarytable", "Secondary table"),
            Column("maincolumn", "Column in main table", Comparable, "maintable"),
            Column("secondarycolumn", "Column in secondary table", Comparable, "secondarytable"),
            Selection("jointype", "Type of join", "Inner", "Left", "Right", "Full outer"), ClusterBy(),
        ],
        ["native.spatialjoin"] =
        [
            Table("maintable", "Main table"), Table("secondarytable", "Secondary table"),
            Column("maincolumn", "Geo column in main table", Geo, "maintable"),
            Column("secondarycolumn", "Geo column in secondary table", Geo, "secondarytable"),
            Selection("predicate", "Spatial predicate", Predicates), ClusterBy(),
        ],
        ["native.spatialfilter"] =
        [
            Table("source", "Source table"), Table("filter", "Filter table"),
            Column("geosource", "Geo column in source table", Geo), Column("geofilter", "Geo column in filter table", Geo, "filter"),
            Selection("predicate", "Spatial predicate", Predicates), ClusterBy("match"),
        ],
        ["native.unionall"] = [new("tables", "Table", "Tables") { Multiple = true }, ClusterBy()],
        ["native.buffer"] =
        [
            Table("source", "Source table"), Column("geo", "Geo column", Geo), new("distance", "Number", "Distance") { Min = 0 },
            Selection("units", "Units", LengthUnits), ClusterBy(),
        ],
        ["native.centroid"] = [Table("source", "Source table"), Column("geo", "Geo column", Geo), ClusterBy()],
        ["native.area"] =
        [
            Table("source", "Source table"), Column("geo", "Geo column", Geo),
            Selection("units", "Units", "Square meters", "Square kilometers"), ClusterBy(),
        ],
        ["native.distance"] =
        [
            Table("source", "Source table"), Column("geo1", "First geo column", Geo), Column("geo2", "Second geo column", Geo),
            Selection("units", "Units", LengthUnits), ClusterBy(),
        ],
        ["native.geogpoint"] =
        [
            Table("source", "Source table"), Column("latitude", "Latitude column", ["number"]),
            Column("longitude", "Longitude column", ["number"]), ClusterBy(),
        ],
        ["native.h3frompoint"] =
        [
            Table("source", "Source table"), Column("pointscol", "Points column", Geo),
            new("resolution", "Number", "Resolution") { Min = 0, Max = 15 }, ClusterBy(),
        ],
        ["native.h3boundary"] = [Table("source", "Source table"), Column("h3", "H3 column", ["string"]), ClusterBy()],
        ["native.saveastable"] =
        [
            Table("source", "Source table"),
            new("destination", "OutputTable", "Table details"),
            new("append", "Boolean", "Append") { Default = false }, ClusterBy(),
        ],
        ["native.customsql"] =
        [
            Table("sourcea", "Source table A"), Table("sourceb", "Source table B") with { Optional = true },
            Table("sourcec", "Source table C") with { Optional = true }, new("sql", "StringSql", "SQL"),
        ],
        ["native.isolines"] =
        [
            Table("source", "Source table"), Column("geo", "Geo column", Geo), Selection("mode", "Mode", "car", "walk"),
            Selection("range_type", "Range type", "time", "distance"), new("range", "Number", "Range"),
            new("credentials", "String", "Credentials") { Optional = true, Advanced = true },
        ],
    };
}
