using System.Text.Json.Nodes;

namespace Cwf.Tests.Canvas;

/// <summary>
/// Builds a random valid canvas from a list of choices (so CsCheck can shrink it): a pipeline over
/// src.t that applies components of the contract whose inputs fit the current columns, branching
/// into unions, joins and spatial filters with src.u, ending in a save. It simulates the output
/// columns the contract promises (added names, _joined suffixes, in-place replacement), so a test
/// can check the importer's schema against them.
/// </summary>
internal sealed class RandomCanvas
{
    private enum T { Int, Float, Str, Date, Geo }

    private readonly TestCanvas _canvas = new();
    private readonly int[] _choices;
    private int _next;
    private readonly string _other;
    private readonly List<(string Name, T Type)> _otherColumns = [("uid", T.Int), ("label", T.Str), ("ugeom", T.Geo)];

    public TestCanvas Canvas => _canvas;

    /// <summary>The columns the saved table must have, in order.</summary>
    public IReadOnlyList<string> ExpectedColumns { get; }

    public int Steps { get; private set; }

    public RandomCanvas(int[] choices)
    {
        _choices = choices;
        if (Pick(3) == 0) _canvas.Variable("n", "Number", 7, isPublic: Pick(2) == 0);
        _canvas.Provider = new[] { "postgres", "bigquery", "snowflake", "redshift", "databricks" }[Pick(5)];
        var columns = new List<(string Name, T Type)> { ("id", T.Int), ("name", T.Str), ("amount", T.Float), ("day", T.Date), ("geom", T.Geo), ("lat", T.Float), ("lon", T.Float) };
        string node = _canvas.Source("src.t", Label("t"), [.. columns.Select(Declare)]);
        string handle = "out";
        _other = _canvas.Source("src.u", Label("u"), [.. _otherColumns.Select(Declare)]);
        bool otherUsed = false;

        while (_next < _choices.Length)
        {
            int choice = Pick(20);
            (string Id, string Handle)? step = choice switch
            {
                0 => Geo(columns) is { } g ? Add(ref node, ref handle, columns, "native.buffer", (g + "_buffer", T.Geo), ("geo", g), ("distance", Pick(2) == 0 ? Pick(5000) : $"{Pick(50)}.5"), ("units", new[] { "Meters", "Kilometers", "Miles" }[Pick(3)])) : null,
                1 => Geo(columns) is { } g ? Add(ref node, ref handle, columns, "native.centroid", (g + "_centroid", T.Geo), ("geo", g)) : null,
                2 => Geo(columns) is { } g ? Add(ref node, ref handle, columns, "native.area", (g + "_area", T.Float), ("geo", g), ("units", Pick(2) == 0 ? "Square meters" : "Square kilometers")) : null,
                3 => Geo(columns) is { } g ? Add(ref node, ref handle, columns, "native.distance", ("distance", T.Float), ("geo1", g), ("geo2", Geo(columns)), ("units", "Miles")) : null,
                4 => Of(columns, T.Float) is { } lat ? Add(ref node, ref handle, columns, "native.geogpoint", ("geom", T.Geo), ("latitude", lat), ("longitude", Of(columns, T.Float))) : null,
                5 => Geo(columns) is { } g ? Add(ref node, ref handle, columns, "native.h3frompoint", ("h3", T.Str), ("pointscol", g), ("resolution", HasVariable && Pick(4) == 0 ? "{{@n}}" : Pick(16).ToString())) : null,
                6 => Of(columns, T.Str) is { } s ? Add(ref node, ref handle, columns, "native.h3boundary", (s + "_geo", T.Geo), ("h3", s)) : null,
                7 => (Of(columns, T.Int) ?? Of(columns, T.Float)) is { } num ? Filter(ref node, ref handle, "native.wheresimplified", ("column", num), ("operator", "greater than"), ("value", Pick(100).ToString())) : null,
                8 => Filter(ref node, ref handle, "native.isnotnull", ("column", columns[Pick(columns.Count)].Name)),
                9 => Comparable(columns) is { } c ? Chain(ref node, ref handle, "native.orderby", ("column", c), ("direction", Pick(2) == 0 ? "Ascending" : "Descending")) : null,
                10 => Chain(ref node, ref handle, "native.limit", ("limit", Pick(3) == 0 && HasVariable ? "{{@n}}" : Pick(1000))),
                11 => Chain(ref node, ref handle, "native.distinct"),
                12 => columns.Count > 1 ? Drop(ref node, ref handle, columns) : null,
                13 => Rename(ref node, ref handle, columns),
                14 => Comparable(columns) is { } key && Numeric(columns) is { } agg && !Same(key, agg) ? Regroup(ref node, ref handle, columns, key, agg) : null,
                15 => Summarize(ref node, ref handle, columns),
                16 => Of(columns, T.Int) is { } k && JoinFits(columns) ? Join(ref node, ref handle, columns, "native.join", k, "uid", ("jointype", new[] { "Inner", "Left", "Right", "Full outer" }[Pick(4)]), ref otherUsed) : null,
                17 => Geo(columns) is { } g && JoinFits(columns) ? Join(ref node, ref handle, columns, "native.spatialjoin", g, "ugeom", ("predicate", Predicate()), ref otherUsed) : null,
                18 => Geo(columns) is { } g ? SpatialFilter(ref node, ref handle, g, ref otherUsed) : null,
                _ => Union(ref node, ref handle, columns),
            };
            if (step is not null) Steps++;
        }
        var save = _canvas.Node("native.saveastable", Label("save"), ("destination", "out.result"), ("append", Pick(2) == 0));
        _canvas.Edge(node, handle, save, "source");
        if (!otherUsed) _canvas.Flow(_other, _canvas.Node("native.saveastable", Label("copy"), ("destination", "out.copy")));
        ExpectedColumns = [.. columns.Select(c => c.Name)];
    }

    private bool HasVariable => _canvas.ToJsonObject()["variables"]!.AsArray().Count > 0;

    private int Pick(int n) => _next < _choices.Length ? Math.Abs(_choices[_next++] % n) : 0;

    private string Label(string fallback) => Pick(6) switch
    {
        0 => "",
        1 => "Étape n° " + Pick(3),
        2 => "Same label",
        3 => "123 start with digits",
        _ => fallback + " " + Pick(1000),
    };

    private string Predicate() => new[] { "intersects", "contains", "within", "covers", "touches" }[Pick(5)];

    private static string Declare((string Name, T Type) c) => $"{c.Name}:{c.Type switch { T.Int => "int64", T.Float => "float64", T.Str => "string", T.Date => "date", _ => "geography" }}";

    private string? Of(List<(string Name, T Type)> columns, T type)
    {
        var candidates = columns.Where(c => c.Type == type).ToList();
        return candidates.Count == 0 ? null : candidates[Pick(candidates.Count)].Name;
    }

    private string? Geo(List<(string Name, T Type)> columns) => Of(columns, T.Geo);

    private string? Comparable(List<(string Name, T Type)> columns)
    {
        var candidates = columns.Where(c => c.Type != T.Geo).ToList();
        return candidates.Count == 0 ? null : candidates[Pick(candidates.Count)].Name;
    }

    private string? Numeric(List<(string Name, T Type)> columns) => Pick(2) == 0 ? Of(columns, T.Int) : Of(columns, T.Float);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private (string, string) Chain(ref string node, ref string handle, string component, params (string, object?)[] values)
    {
        var id = _canvas.Node(component, Label(component), values);
        _canvas.Edge(node, handle, id, "source");
        (node, handle) = (id, "result");
        return (id, handle);
    }

    private (string, string) Filter(ref string node, ref string handle, string component, params (string, object?)[] values)
    {
        var id = _canvas.Node(component, Label(component), values);
        _canvas.Edge(node, handle, id, "source");
        (node, handle) = (id, Pick(2) == 0 ? "match" : "unmatch");
        return (id, handle);
    }

    /// <summary>A component adding one column: replaced in place when the name exists (ignoring case), else appended.</summary>
    private (string, string) Add(ref string node, ref string handle, List<(string Name, T Type)> columns, string component, (string Name, T Type) added, params (string, object?)[] values)
    {
        var result = Chain(ref node, ref handle, component, values);
        int existing = columns.FindIndex(c => Same(c.Name, added.Name));
        if (existing >= 0) columns[existing] = added;
        else columns.Add(added);
        return result;
    }

    private (string, string) Drop(ref string node, ref string handle, List<(string Name, T Type)> columns)
    {
        var dropped = columns[Pick(columns.Count)].Name;
        columns.RemoveAll(c => c.Name == dropped);
        return Chain(ref node, ref handle, "native.dropcolumn", ("column", Pick(2) == 0 ? new[] { dropped } : dropped));
    }

    private (string, string) Rename(ref string node, ref string handle, List<(string Name, T Type)> columns)
    {
        int i = Pick(columns.Count);
        string newName = $"renamed_{Steps}";
        var old = columns[i].Name;
        columns[i] = (newName, columns[i].Type);
        return Chain(ref node, ref handle, "native.renamecolumn", ("column", old), ("newname", newName));
    }

    private (string, string) Regroup(ref string node, ref string handle, List<(string Name, T Type)> columns, string key, string agg)
    {
        var aggType = columns.First(c => c.Name == agg).Type;
        var result = Chain(ref node, ref handle, "native.groupby", ("groupby", key), ("columns", $"{agg},sum,{agg},count"));
        var keyColumn = columns.First(c => c.Name == key);
        columns.Clear();
        columns.AddRange([keyColumn, ($"{agg}_sum", aggType), ($"{agg}_count", T.Int)]);
        return result;
    }

    private (string, string) Summarize(ref string node, ref string handle, List<(string Name, T Type)> columns)
    {
        var column = columns[Pick(columns.Count)].Name;
        var result = Chain(ref node, ref handle, "native.summarize", ("columns", $"{column},count"));
        columns.Clear();
        columns.Add(($"{column}_count", T.Int));
        return result;
    }

    private bool JoinFits(List<(string Name, T Type)> columns) =>
        !columns.Any(c => _otherColumns.Any(o => Same(o.Name + "_joined", c.Name)));

    private (string, string) Join(ref string node, ref string handle, List<(string Name, T Type)> columns, string component, string mainColumn, string otherColumn,
        (string, object?) option, ref bool otherUsed)
    {
        var id = _canvas.Node(component, Label(component), ("maincolumn", mainColumn), ("secondarycolumn", otherColumn), option);
        _canvas.Edge(node, handle, id, "maintable").Edge(_other, "out", id, "secondarytable");
        otherUsed = true;
        columns.AddRange(_otherColumns.Select(c => (c.Name + "_joined", c.Type)));
        (node, handle) = (id, "result");
        return (id, handle);
    }

    private (string, string) SpatialFilter(ref string node, ref string handle, string geo, ref bool otherUsed)
    {
        var id = _canvas.Node("native.spatialfilter", Label("spatial filter"), ("geosource", geo), ("geofilter", "ugeom"), ("predicate", Predicate()));
        _canvas.Edge(node, handle, id, "source").Edge(_other, "out", id, "filter");
        otherUsed = true;
        (node, handle) = (id, Pick(2) == 0 ? "match" : "unmatch");
        return (id, handle);
    }

    /// <summary>Branches: splits on a not-null test and unions both halves again (same columns).</summary>
    private (string, string) Union(ref string node, ref string handle, List<(string Name, T Type)> columns)
    {
        var split = _canvas.Node("native.isnotnull", Label("split"), ("column", columns[Pick(columns.Count)].Name));
        _canvas.Edge(node, handle, split, "source");
        var union = _canvas.Node("native.unionall", Label("union"));
        _canvas.Edge(split, "match", union, "tables").Edge(split, "unmatch", union, "tables");
        (node, handle) = (union, "result");
        return (union, handle);
    }
}
