using System.Collections.Immutable;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>
/// Lowers the checked canvas graph into IR, node by node in data-flow order: each node by its component's
/// descriptor (Components/Library), through the lowering functions the .cwf binder calls too, so a canvas and
/// its decompiled .cwf give the same IR. A node whose inputs failed is skipped without further diagnostics,
/// so one mistake gives one error; a component cwf does not know is kept opaque.
/// </summary>
internal sealed class CanvasLowering
{
    private readonly CanvasGraph _graph;
    private readonly CanvasText _text;
    private readonly CanvasVariables _variables;
    private readonly SchemaCatalog _catalog;
    private readonly ComponentCatalog _components;
    private readonly DiagnosticBag _diagnostics;
    private readonly LoweringContext _cx;
    private readonly StepNames _names;
    private readonly SqlFragments _sql;
    private readonly Dictionary<(string Node, string Handle), int> _outputs = [];

    private CanvasLowering(CanvasDocument document, CanvasGraph graph, CanvasText text, CanvasVariables variables, SchemaCatalog catalog,
        ComponentCatalog components, StepNames names, DiagnosticBag diagnostics)
    {
        _graph = graph;
        _text = text;
        _variables = variables;
        _catalog = catalog;
        _components = components;
        _diagnostics = diagnostics;
        _names = names;
        var builder = new WorkflowBuilder(document.Title);
        foreach (var parameter in variables.Parameters) builder.AddParameter(parameter);
        _cx = new LoweringContext(builder, diagnostics);
        _sql = new SqlFragments(_cx, text, variables, document.ConnectionProvider, diagnostics);
    }

    /// <summary>Lowers every node; returns the builder and the IR node of each (canvas node, output handle).</summary>
    public static (WorkflowBuilder Builder, ImmutableDictionary<(string Node, string Handle), int> Outputs) Lower(CanvasDocument document, CanvasGraph graph,
        CanvasText text, CanvasVariables variables, SchemaCatalog catalog, ComponentCatalog components, StepNames names, DiagnosticBag diagnostics)
    {
        var lowering = new CanvasLowering(document, graph, text, variables, catalog, components, names, diagnostics);
        foreach (var node in graph.Order) lowering.LowerNode(node);
        return (lowering._cx.Builder, lowering._outputs.ToImmutableDictionary());
    }

    private void LowerNode(CanvasNode node)
    {
        if (node.Component.Length == 0 || _graph.IgnoredNodes.Contains(node.Id)) return;
        var component = _components.Find(node.Component);
        // Wrong wiring, or inputs from nodes that failed to lower (the cause was reported): only the values are checked.
        if (_graph.InvalidNodes.Contains(node.Id) || _graph.Incoming(node).Any(c => !_outputs.ContainsKey((c.Source.Id, c.SourceHandle))))
        {
            if (component is not null) CheckValues(node, component);
            return;
        }
        var step = new StepInfo(_names.Of(node), _text.At(node.Pointer, node));
        if (component is null) LowerOpaque(node, step);
        else component.Lower(new NodeLowering(this, node, component, step));
    }

    /// <summary>
    /// Reads every value of a node that cannot be lowered, so that its own mistakes (a non-numeric
    /// distance, an unknown option) are reported too; columns need the input's schema and are not checked.
    /// </summary>
    private void CheckValues(CanvasNode node, Component component)
    {
        var a = new NodeInputs(node, component, _text, _variables, _diagnostics);
        foreach (var parameter in component.Parameters)
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

    private int Input(CanvasConnection connection) => _outputs[(connection.Source.Id, connection.SourceHandle)];

    /// <summary>One node, as its component's lowering sees it.</summary>
    private sealed class NodeLowering(CanvasLowering lowering, CanvasNode node, Component component, StepInfo step)
        : CanvasLoweringContext(lowering._cx.Builder, lowering._diagnostics)
    {
        private readonly NodeInputs _values = new(node, component, lowering._text, lowering._variables, lowering._diagnostics);

        public override IComponentValues Values => _values;
        public override StepInfo Step => step;
        public override string? OutputName => null;

        public override int Input(string port) => lowering.Input(lowering._graph.Incoming(node, port)[0]);

        public override IReadOnlyList<(int Node, Location Location)> Inputs(string port) =>
            [.. lowering._graph.Incoming(node, port).Select(c => (lowering.Input(c), (Location)lowering._text.At(c.Edge.Pointer, node, port)))];

        /// <summary>The outputs with an edge, in the component's order; the first when none has one, so that the node is still checked.</summary>
        public override IReadOnlyList<string> UsedOutputs
        {
            get
            {
                var used = lowering._graph.Outgoing(node).Select(c => c.SourceHandle).ToHashSet(StringComparer.Ordinal);
                var outputs = component.Outputs.Where(used.Contains).ToList();
                return outputs.Count > 0 ? outputs : [component.Outputs[0]];
            }
        }

        public override StepInfo StepOf(string output) => output == "unmatch" ? step with { Name = lowering._names.Unmatch(node) } : step;

        public override void Output(string output, int? id)
        {
            if (id is { } value) lowering._outputs[(node.Id, output)] = value;
        }

        public override Expr? Expression(string parameter, int input, string what) => lowering._sql.Expression(input, _values, parameter, what);
        public override int? SelectList(int input) => lowering._sql.Select(input, _values, Step);
        public override int? Query(string sql, IReadOnlyList<(int Placeholder, int Node)> inputs) => lowering._sql.CustomSql(inputs, sql, node.DeclaredSchema, _values, Step);
        public override int? Call(string statement, IReadOnlyList<(int Placeholder, int Node)> inputs) => lowering._sql.Call(inputs, statement, node.DeclaredSchema, _values, Step);

        public override Schema? DeclaredSchema => node.DeclaredSchema;

        public override Schema? TableSchema(TableName table, string parameter)
        {
            if ((node.DeclaredSchema ?? lowering._catalog.Find(table)) is { } schema) return schema;
            var known = lowering._catalog.TableNames.Select(t => t.ToString()).ToList();
            lowering._diagnostics.Report(DiagnosticCodes.SourceSchemaUnknown, _values.LocationOf(parameter),
                $"the columns of table '{table}' are unknown: the node has no \"schema\" and {(known.Count == 0 ? "no catalog was given" : "the catalog does not list it")}",
                known.Count == 0 ? "pass --catalog catalog.json listing the table's columns, or add \"schema\": [{\"name\": ..., \"type\": ...}] to the node's data"
                    : NameSuggestions.Hint(table.ToString(), known, "tables in the catalog"));
            return null;
        }
    }
}
