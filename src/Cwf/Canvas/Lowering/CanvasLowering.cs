using System.Collections.Immutable;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>
/// Lowers the checked canvas graph into IR, node by node in data-flow order, through the shared
/// <see cref="ComponentLowering"/> functions (so a canvas and its decompiled .cwf give the same
/// IR). Two-output filters become one IR node per output that is used. A node whose inputs
/// failed is skipped without further diagnostics, so one mistake gives one error.
/// </summary>
internal sealed class CanvasLowering
{
    private readonly CanvasDocument _document;
    private readonly CanvasGraph _graph;
    private readonly CanvasText _text;
    private readonly CanvasVariables _variables;
    private readonly SchemaCatalog _catalog;
    private readonly DiagnosticBag _diagnostics;
    private readonly LoweringContext _cx;
    private readonly StepNames _names;
    private readonly SqlFragments _sql;
    private readonly Dictionary<(string Node, string Handle), int> _outputs = [];

    private CanvasLowering(CanvasDocument document, CanvasGraph graph, CanvasText text, CanvasVariables variables, SchemaCatalog catalog,
        StepNames names, DiagnosticBag diagnostics)
    {
        _document = document;
        _graph = graph;
        _text = text;
        _variables = variables;
        _catalog = catalog;
        _diagnostics = diagnostics;
        _names = names;
        var builder = new WorkflowBuilder(document.Title);
        foreach (var parameter in variables.Parameters) builder.AddParameter(parameter);
        _cx = new LoweringContext(builder, diagnostics);
        _sql = new SqlFragments(_cx, text, variables, document.ConnectionProvider, diagnostics);
    }

    /// <summary>Lowers every node; returns the builder and the IR node of each (canvas node, output handle).</summary>
    public static (WorkflowBuilder Builder, ImmutableDictionary<(string Node, string Handle), int> Outputs) Lower(
        CanvasDocument document, CanvasGraph graph, CanvasText text, CanvasVariables variables, SchemaCatalog catalog, StepNames names, DiagnosticBag diagnostics)
    {
        var lowering = new CanvasLowering(document, graph, text, variables, catalog, names, diagnostics);
        foreach (var node in graph.Order) lowering.LowerNode(node);
        return (lowering._cx.Builder, lowering._outputs.ToImmutableDictionary());
    }

    private void LowerNode(CanvasNode node)
    {
        if (node.Component.Length == 0 || _graph.IgnoredNodes.Contains(node.Id)) return;
        var descriptor = ComponentCatalog.Find(node.Component);
        // Wrong wiring, or inputs from nodes that failed to lower (the cause was reported): only the values are checked.
        if (_graph.InvalidNodes.Contains(node.Id) || _graph.Incoming(node).Any(c => !_outputs.ContainsKey((c.Source.Id, c.SourceHandle))))
        {
            if (descriptor is not null) CheckValues(node, descriptor);
            return;
        }
        var step = new StepInfo(_names.Of(node), _text.At(node.Pointer, node));
        if (descriptor is null)
        {
            LowerOpaque(node, step);
            return;
        }
        var inputs = new NodeInputs(node, descriptor, _text, _variables, _diagnostics);
        switch (node.Component)
        {
            case "ReadTable": ReadTable(node, inputs, step); break;
            case "native.saveastable": SaveAsTable(node, inputs, step); break;
            case "native.unionall":
                Result(node, ComponentLowering.UnionAll(_cx, [.. _graph.Incoming(node, "tables").Select(c => (Input(c), (Location)_text.At(c.Edge.Pointer, node, "tables")))], step));
                break;
            case "native.customsql": CustomSql(node, inputs, step); break;
            case "native.where" or "native.wheresimplified" or "native.isnotnull" or "native.spatialfilter": Filter(node, inputs, step); break;
            default: Single(node, inputs, step); break;
        }
    }

    /// <summary>Components with one <c>result</c> output.</summary>
    private void Single(CanvasNode node, NodeInputs a, StepInfo step)
    {
        int source = node.Component is "native.join" or "native.spatialjoin" ? Input(node, "maintable") : Input(node, node.Component == "native.select" ? "table" : "source");
        int? result = node.Component switch
        {
            "native.select" => _sql.Select(source, a, step),
            "native.selectexpression" => a.String("column") is { } column && _sql.Expression(source, a, "expression") is { } e && !a.Failed
                ? ComponentLowering.SelectExpression(_cx, source, column, e, step) : null,
            "native.dropcolumn" => a.Columns("column") is { } columns ? ComponentLowering.DropColumns(_cx, source, columns, step) : null,
            "native.renamecolumn" => (a.Column("column"), a.String("newname")) is ({ } column, { } newName) && !a.Failed
                ? ComponentLowering.RenameColumn(_cx, source, column, newName, a.LocationOf("newname"), step) : null,
            "native.orderby" => (a.Column("column"), a.Selection("direction")) is ({ } column, { } direction) && !a.Failed
                ? ComponentLowering.OrderBy(_cx, source, column, direction == "Descending", step) : null,
            "native.limit" => a.Integer("limit") is { } count ? ComponentLowering.Limit(_cx, source, count, a.LocationOf("limit"), step) : null,
            "native.distinct" => ComponentLowering.Distinct(_cx, source, step),
            "native.groupby" => (a.Columns("groupby"), a.Aggregations("columns")) is ({ } keys, { } aggregations) && !a.Failed
                ? ComponentLowering.GroupBy(_cx, source, keys, aggregations, step) : null,
            "native.summarize" => a.Aggregations("columns") is { } aggregations ? ComponentLowering.GroupBy(_cx, source, [], aggregations, step) : null,
            "native.join" => (a.Column("maincolumn"), a.Column("secondarycolumn"), a.Selection("jointype")) is ({ } main, { } secondary, { } type) && !a.Failed
                ? ComponentLowering.Join(_cx, source, Input(node, "secondarytable"), main, secondary, ComponentLowering.JoinType(type)!.Value, step) : null,
            "native.spatialjoin" => (a.Column("maincolumn"), a.Column("secondarycolumn"), a.Selection("predicate")) is ({ } main, { } secondary, { } predicate) && !a.Failed
                ? ComponentLowering.SpatialJoin(_cx, source, Input(node, "secondarytable"), main, secondary, Functions.SpatialPredicate(predicate)!, step) : null,
            "native.buffer" => (a.Column("geo"), a.Number("distance"), a.Selection("units")) is ({ } geo, { } distance, { } units) && !a.Failed
                ? ComponentLowering.Buffer(_cx, source, geo, Units.ToMeters(distance, Units.ParseLength(units)!.Value), a.LocationOf("distance"), step) : null,
            "native.centroid" => a.Column("geo") is { } geo ? ComponentLowering.Centroid(_cx, source, geo, step) : null,
            "native.area" => (a.Column("geo"), a.Selection("units")) is ({ } geo, { } units) && !a.Failed
                ? ComponentLowering.Area(_cx, source, geo, Units.ParseArea(units)!.Value, step) : null,
            "native.distance" => (a.Column("geo1"), a.Column("geo2"), a.Selection("units")) is ({ } geo1, { } geo2, { } units) && !a.Failed
                ? ComponentLowering.Distance(_cx, source, geo1, geo2, Units.ParseLength(units)!.Value, step) : null,
            "native.geogpoint" => (a.Column("latitude"), a.Column("longitude")) is ({ } lat, { } lon) && !a.Failed
                ? ComponentLowering.GeogPoint(_cx, source, lat, lon, step) : null,
            "native.h3frompoint" => (a.Column("pointscol"), a.Integer("resolution")) is ({ } point, { } resolution) && !a.Failed
                ? ComponentLowering.H3FromPoint(_cx, source, point, resolution, a.LocationOf("resolution"), step) : null,
            "native.h3boundary" => a.Column("h3") is { } cell ? ComponentLowering.H3Boundary(_cx, source, cell, step) : null,
            _ => throw new InvalidOperationException($"Component {node.Component} is in the catalog but has no canvas lowering."),
        };
        Result(node, result);
    }

    /// <summary>
    /// Two-output filters: one IR node per output that is used, match when neither is (so the node is
    /// still checked), as .cwf builds <c>filter</c> and the results of <c>let a, b = ... | split</c>.
    /// </summary>
    private void Filter(CanvasNode node, NodeInputs a, StepInfo step)
    {
        int source = Input(node, "source");
        var used = _graph.Outgoing(node).Select(c => c.SourceHandle).Distinct().OrderBy(h => h == "match" ? 0 : 1).ToList();
        if (used.Count == 0) used.Add("match");

        Func<FilterBranch, StepInfo, int?>? lower = node.Component switch
        {
            "native.where" => _sql.Expression(source, a, "expression") is { } predicate && !a.Failed
                ? (b, s) => ComponentLowering.Where(_cx, source, predicate, a.LocationOf("expression"), b, s) : null,
            "native.wheresimplified" => (a.Column("column"), a.Selection("operator"), a.String("value")) is ({ } column, { } op, { } value) && !a.Failed
                ? (b, s) => ComponentLowering.SimpleFilter(_cx, source, column, ComponentLowering.SimpleFilterOperator(op)!.Value, value, a.LocationOf("value"), b, s) : null,
            "native.isnotnull" => a.Column("column") is { } column
                ? (b, s) => ComponentLowering.IsNotNull(_cx, source, column, b, s) : null,
            "native.spatialfilter" => (a.Column("geosource"), a.Column("geofilter"), a.Selection("predicate")) is ({ } geoSource, { } geoFilter, { } predicate) && !a.Failed
                ? (b, s) => ComponentLowering.SpatialFilter(_cx, source, Input(node, "filter"), geoSource, geoFilter, Functions.SpatialPredicate(predicate)!, b, s) : null,
            _ => throw new InvalidOperationException($"{node.Component} is not a two-output filter."),
        };
        if (lower is null) return;
        foreach (var handle in used)
        {
            var branch = handle == "match" ? FilterBranch.Match : FilterBranch.Unmatch;
            var name = branch == FilterBranch.Match ? step : step with { Name = _names.Unmatch(node) };
            if (lower(branch, name) is not { } id) return;
            _outputs[(node.Id, handle)] = id;
        }
    }

    private void ReadTable(CanvasNode node, NodeInputs a, StepInfo step)
    {
        if (a.Table("source") is not { } table) return;
        var schema = node.DeclaredSchema ?? _catalog.Find(table);
        if (schema is null)
        {
            var known = _catalog.TableNames.Select(t => t.ToString()).ToList();
            _diagnostics.Report(DiagnosticCodes.SourceSchemaUnknown, a.LocationOf("source"),
                $"the columns of table '{table}' are unknown: the node has no \"schema\" and {(known.Count == 0 ? "no catalog was given" : "the catalog does not list it")}",
                known.Count == 0 ? "pass --catalog catalog.json listing the table's columns, or add \"schema\": [{\"name\": ..., \"type\": ...}] to the node's data"
                    : NameSuggestions.Hint(table.ToString(), known, "tables in the catalog"));
            return;
        }
        Result(node, ComponentLowering.ReadTable(_cx, table, schema, step), "out");
    }

    private void SaveAsTable(CanvasNode node, NodeInputs a, StepInfo step)
    {
        var (table, append) = (a.Table("destination"), a.Boolean("append"));
        if (table is null || a.Failed) return;
        Result(node, ComponentLowering.SaveAsTable(_cx, Input(node, "source"), table, append == true ? WriteMode.Append : WriteMode.Replace, step), "");
    }

    private void CustomSql(CanvasNode node, NodeInputs a, StepInfo step)
    {
        var connected = new[] { "sourcea", "sourceb", "sourcec" }
            .Select((handle, index) => (Handle: handle, Index: index, Connections: _graph.Incoming(node, handle)))
            .Where(p => p.Connections.Count > 0)
            .ToList();
        if (a.Text("sql") is not { } sql) return;
        if (_sql.CustomSql([.. connected.Select(c => (c.Index, Input(c.Connections[0])))], sql, node.DeclaredSchema, a, step) is { } id)
            Result(node, id);
    }

    /// <summary>
    /// Reads every value of a node that cannot be lowered, so that its own mistakes (a non-numeric
    /// distance, an unknown option) are reported too; columns need the input's schema and are not checked.
    /// </summary>
    private void CheckValues(CanvasNode node, ComponentDescriptor descriptor)
    {
        var a = new NodeInputs(node, descriptor, _text, _variables, _diagnostics);
        foreach (var parameter in descriptor.Parameters)
        {
            _ = parameter.Kind switch
            {
                ParameterKind.Number => a.Number(parameter.Name),
                ParameterKind.Integer => a.Integer(parameter.Name),
                ParameterKind.Boolean => a.Boolean(parameter.Name),
                ParameterKind.Selection => a.Selection(parameter.Name),
                ParameterKind.ColumnList => a.Columns(parameter.Name),
                ParameterKind.Column => a.Column(parameter.Name),
                ParameterKind.ColumnAggregation => a.Aggregations(parameter.Name),
                ParameterKind.OutputTable => a.Table(parameter.Name),
                _ => (object?)a.Text(parameter.Name),
            };
        }
    }

    private void LowerOpaque(CanvasNode node, StepInfo step)
    {
        var properties = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var input in node.Inputs.Where(i => i.HasValue))
            properties[input.Name] = input.Value!.Text;
        if (node.Version is { } version) properties["version"] = version;
        int id = ComponentLowering.Opaque(_cx, [.. _graph.Incoming(node).Select(Input)], node.Component, properties.ToImmutable(), step);
        // cwf does not know the component's outputs: every handle used downstream reads the one opaque node.
        foreach (var handle in _graph.Outgoing(node).Select(c => c.SourceHandle).Append("result").Distinct())
            _outputs[(node.Id, handle)] = id;
    }

    private void Result(CanvasNode node, int? id, string handle = "result")
    {
        if (id is { } value) _outputs[(node.Id, handle)] = value;
    }

    private int Input(CanvasConnection connection) => _outputs[(connection.Source.Id, connection.SourceHandle)];

    private int Input(CanvasNode node, string handle) => Input(_graph.Incoming(node, handle)[0]);
}
