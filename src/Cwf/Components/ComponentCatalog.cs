using Cwf.Ir;
using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Cwf.Components;

/// <summary>The component contract as data: every component cwf understands, by canvas id.</summary>
public static class ComponentCatalog
{
    private static readonly ComponentPort Source = new("source");
    private static readonly Seq<string> Result = ["result"];
    private static readonly Seq<string> MatchUnmatch = ["match", "unmatch"];

    public static Seq<string> SpatialPredicates { get; } = ["intersects", "contains", "within", "covers", "touches"];
    public static Seq<string> SimpleFilterOperators { get; } =
        ["equal to", "not equal", "less than", "greater than", "equal or less than", "equal or greater than"];
    public static Seq<string> JoinTypes { get; } = ["Inner", "Left", "Right", "Full outer"];
    public static Seq<string> LengthUnits { get; } = ["Meters", "Kilometers", "Miles"];
    public static Seq<string> AreaUnits { get; } = ["Square meters", "Square kilometers"];
    public static Seq<string> Directions { get; } = ["Ascending", "Descending"];
    public static Seq<string> AggregationMethods { get; } = ["sum", "avg", "min", "max", "count", "count_distinct"];

    private static ComponentParameter Selection(string name, Seq<string> options, string? @default = null) =>
        new(name, ParameterKind.Selection, Default: @default) { Options = options };

    public static ImmutableArray<ComponentDescriptor> All { get; } =
    [
        new("ReadTable", "Read table", [], ["out"], [new("source", ParameterKind.String)], "source x = table \"...\""),
        new("native.select", "Select", [new("table")], Result, [new("select", ParameterKind.StringSql)], "select a, b as c, expr as d"),
        new("native.selectexpression", "Select expression", [Source], Result,
            [new("column", ParameterKind.String), new("expression", ParameterKind.StringSql)], "derive column = expression"),
        new("native.dropcolumn", "Drop columns", [Source], Result, [new("column", ParameterKind.ColumnList, Parent: "source")], "drop a, b"),
        new("native.renamecolumn", "Rename column", [Source], Result,
            [new("column", ParameterKind.Column, Parent: "source"), new("newname", ParameterKind.String)], "rename a to b"),
        new("native.where", "Where", [Source], MatchUnmatch, [new("expression", ParameterKind.StringSql)], "filter expr / split expr"),
        new("native.wheresimplified", "Simple filter", [Source], MatchUnmatch,
            [new("column", ParameterKind.Column, Parent: "source"), Selection("operator", SimpleFilterOperators), new("value", ParameterKind.String)],
            "filter column <op> value / split ..."),
        new("native.isnotnull", "Is not null", [Source], MatchUnmatch, [new("column", ParameterKind.Column, Parent: "source")], "filter column is not null"),
        new("native.orderby", "Order by", [Source], Result,
            [new("column", ParameterKind.Column, Parent: "source"), Selection("direction", Directions, "Ascending")], "sort column [desc]"),
        new("native.limit", "Limit", [Source], Result, [new("limit", ParameterKind.Integer)], "take n"),
        new("native.distinct", "Distinct", [Source], Result, [], "distinct"),
        new("native.groupby", "Group by", [Source], Result,
            [new("groupby", ParameterKind.ColumnList, Parent: "source"), new("columns", ParameterKind.ColumnAggregation, Parent: "source")],
            "group by keys { col_method: method(col) }"),
        new("native.summarize", "Summarize", [Source], Result, [new("columns", ParameterKind.ColumnAggregation, Parent: "source")],
            "summarize { col_method: method(col) }"),
        new("native.join", "Join", [new("maintable"), new("secondarytable")], Result,
            [new("maincolumn", ParameterKind.Column, Parent: "maintable"), new("secondarycolumn", ParameterKind.Column, Parent: "secondarytable"),
             Selection("jointype", JoinTypes, "Inner")],
            "[left|right|full] join other on main_col = other.col"),
        new("native.spatialjoin", "Spatial join", [new("maintable"), new("secondarytable")], Result,
            [new("maincolumn", ParameterKind.Column, Parent: "maintable"), new("secondarycolumn", ParameterKind.Column, Parent: "secondarytable"),
             Selection("predicate", SpatialPredicates, "intersects")],
            "spatial_join other on predicate(geo, other.geo)"),
        new("native.spatialfilter", "Spatial filter", [Source, new("filter")], MatchUnmatch,
            [new("geosource", ParameterKind.Column, Parent: "source"), new("geofilter", ParameterKind.Column, Parent: "filter"),
             Selection("predicate", SpatialPredicates, "intersects")],
            "spatial_filter other on predicate(geo, other.geo)"),
        new("native.unionall", "Union all", [new("tables", Multiple: true)], Result, [], "a | union b, c"),
        new("native.buffer", "Buffer", [Source], Result,
            [new("geo", ParameterKind.Column, Parent: "source"), new("distance", ParameterKind.Number), Selection("units", LengthUnits, "Meters")],
            "buffer geo by 300 m"),
        new("native.centroid", "Centroid", [Source], Result, [new("geo", ParameterKind.Column, Parent: "source")], "centroid geo"),
        new("native.area", "Area", [Source], Result,
            [new("geo", ParameterKind.Column, Parent: "source"), Selection("units", AreaUnits, "Square meters")], "area geo [in km2]"),
        new("native.distance", "Distance", [Source], Result,
            [new("geo1", ParameterKind.Column, Parent: "source"), new("geo2", ParameterKind.Column, Parent: "source"), Selection("units", LengthUnits, "Meters")],
            "distance geo1, geo2 [in km]"),
        new("native.geogpoint", "Point from lat/lon", [Source], Result,
            [new("latitude", ParameterKind.Column, Parent: "source"), new("longitude", ParameterKind.Column, Parent: "source")], "point lat = y, lon = x"),
        new("native.h3frompoint", "H3 from point", [Source], Result,
            [new("pointscol", ParameterKind.Column, Parent: "source"), new("resolution", ParameterKind.Integer)], "h3 geo resolution 8"),
        new("native.h3boundary", "H3 boundary", [Source], Result, [new("h3", ParameterKind.Column, Parent: "source")], "h3_boundary cell"),
        new("native.saveastable", "Save as table", [Source], [],
            [new("destination", ParameterKind.OutputTable), new("append", ParameterKind.Boolean, Required: false, Default: "false")],
            "output x -> table \"...\" mode replace|append"),
        new("native.customsql", "Custom SQL", [new("sourcea"), new("sourceb", Required: false), new("sourcec", Required: false)], Result,
            [new("sql", ParameterKind.StringSql)], "sql [with b, c] \"select ... from $a\" [returns { ... }]"),
    ];

    private static readonly FrozenDictionary<string, ComponentDescriptor> ById = All.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);

    public static ComponentDescriptor? Find(string id) => ById.GetValueOrDefault(id);
}
