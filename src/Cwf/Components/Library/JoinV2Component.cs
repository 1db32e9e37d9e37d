using System.Text.Json;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.joinv2</c>, the Join that replaced <c>native.join</c>: left.key = right.key, and the output is the
/// columns each side lists (<c>[{"name": ..., "joinname": ...}]</c>), left's first, each under its join name; a
/// side that lists none gives all its columns under their own names. <c>join_keys right, lkey, rkey { ... }</c>.
/// </summary>
public sealed class JoinV2Component : GenericStepComponent
{
    public override string Id => "native.joinv2";
    public override string Title => "Join";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentPort> Inputs { get; } = [new("lefttable"), new("righttable")];

    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("lefttablekeycolumn", "lefttable"), ComponentParameter.Column("righttablekeycolumn", "righttable"),
        new("lefttablecolumns", ParameterKind.Json, Required: false), new("righttablecolumns", ParameterKind.Json, Required: false),
        ComponentParameter.Selection("jointype", ["Inner", "Left", "Right", "Full outer"], "Inner"),
        new("whereclause", ParameterKind.String, Required: false),
    ];

    public override GenericStepForm Form { get; } = new("join_keys", ["righttable", "lefttablekeycolumn", "righttablekeycolumn"]);

    public override ComponentDoc Doc { get; } = new(
        "`join_keys right, left_key, right_key { jointype: 'Left', lefttablecolumns: '[{\"name\":\"a\",\"joinname\":\"b\"}]', ... }`",
        "`Join` on left key = right key, outputs renamed as listed",
        "the listed columns of left, then of right, under their join names (a side listing none: all its columns)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int left = cx.Input("lefttable"), right = cx.Input("righttable");
        var (leftKey, rightKey, type) = (v.Column("lefttablekeycolumn"), v.Column("righttablekeycolumn"), v.Selection("jointype"));
        var (leftColumns, rightColumns, where) = (v.Text("lefttablecolumns"), v.Text("righttablecolumns"), v.Text("whereclause"));
        if (leftKey is null || rightKey is null || type is null || v.Failed) return;
        if (!string.IsNullOrWhiteSpace(where))
        {
            cx.Diagnostics.Report(DiagnosticCodes.JoinWhereClause, v.LocationOf("whereclause"),
                "the join's where clause is not supported: which side's columns it names, and whether it filters before or after an outer join adds NULLs, is not documented",
                "clear the where clause and filter after the join with a Where component (filter in .cwf)");
            return;
        }
        if (!cx.RequireKnownColumns(left, cx.Step, "the join") || !cx.RequireKnownColumns(right, cx.Step, "the join")) return;
        var outputs = Outputs(cx, 0, left, leftColumns, "lefttablecolumns");
        var rightOutputs = Outputs(cx, 1, right, rightColumns, "righttablecolumns");
        if (outputs is null || rightOutputs is null) return;
        if (ComponentLowering.KeysEqual(cx, left, right, leftKey, rightKey) is not { } condition) return;
        Seq<JoinOutput> all = [.. outputs, .. rightOutputs];
        if (!cx.CheckUniqueNames(all.Select(o => (o.Name, cx.Step.Origin)))) return;
        cx.Output("result", cx.Builder.Join(left, right, ComponentLowering.JoinType(type)!.Value, condition, all, cx.Step.Name, cx.Step.Origin).Id);
    }

    /// <summary>The columns one side lists, resolved against it; every column of the side when it lists none; null (reported) when the list is malformed or names an unknown column.</summary>
    private static List<JoinOutput>? Outputs(ComponentLoweringContext cx, int side, int input, string? json, string parameter)
    {
        var schema = cx.Builder.SchemaOf(input);
        if (string.IsNullOrWhiteSpace(json)) return [.. schema.Columns.Select(c => new JoinOutput(side, c.Name, c.Name))];
        var location = cx.Values.LocationOf(parameter);
        if (ColumnList(json) is not { } listed)
        {
            cx.Diagnostics.Report(DiagnosticCodes.InvalidJoinColumns, location,
                $"'{parameter}' must be a JSON list of objects with \"name\" and \"joinname\", found {Shorten(json)}",
                "write it as [{\"name\":\"id\",\"joinname\":\"customer_id\"}], or [] for every column");
            return null;
        }
        if (listed.Count == 0) return [.. schema.Columns.Select(c => new JoinOutput(side, c.Name, c.Name))];
        var outputs = new List<JoinOutput>();
        foreach (var (name, joinName) in listed)
        {
            if (cx.Resolve(input, new ColumnArg(name, location)) is not { } column) return null;
            outputs.Add(new JoinOutput(side, column.Name, string.IsNullOrEmpty(joinName) ? column.Name : joinName));
        }
        return outputs;
    }

    /// <summary>(name, joinname) pairs of a ColumnsForJoin value, or null when it is not that shape.</summary>
    private static List<(string Name, string? JoinName)>? ColumnList(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return null;
            var pairs = new List<(string, string?)>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() is not { Length: > 0 } n)
                    return null;
                string? joinName = item.TryGetProperty("joinname", out var j) && j.ValueKind == JsonValueKind.String ? j.GetString() : null;
                if (item.TryGetProperty("joinname", out var present) && present.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) return null;
                pairs.Add((n, joinName));
            }
            return pairs;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? $"'{text}'" : $"'{text[..57]}...'";
}
