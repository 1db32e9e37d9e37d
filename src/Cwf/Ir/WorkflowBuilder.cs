using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Cwf.Collections;
using Cwf.Diagnostics;

namespace Cwf.Ir;

/// <summary>
/// Builds a <see cref="Workflow"/> node by node, assigning ids and deriving each node's schema
/// from its inputs (<see cref="RelNode.WithSchemaFrom"/>). Front ends check names and types (reporting diagnostics) before calling it;
/// a call with inputs that do not exist is a compiler bug and throws.
/// </summary>
public sealed class WorkflowBuilder
{
    // Ids are given in order from the first one, so a node's id is its place here: no dictionary to grow and hash.
    // In segments, so that the workflow's one array of them (ToWorkflow) is the only large object they make.
    private readonly SegmentedList<RelNode> _nodes = [];
    private readonly int _firstId;
    private readonly List<Parameter> _parameters = [];
    private int _nextId;
    // SchemaOf as a delegate, made once rather than at every node added.
    private readonly Func<int, Schema> _schemaOf;
    // The canvas join outputs made so far, by side and input column name, and the last list of them: the joins of
    // a workflow read the same few columns again and again, and each held its own outputs and suffixed names.
    private readonly Dictionary<string, JoinOutput>[] _joinedOutputs = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private Seq<JoinOutput> _lastJoinedOutputs;
    // Equal schemas of the nodes added, as one object each.
    private readonly SchemaTable _schemas = new();

    public WorkflowBuilder(string name, int firstId = 1)
    {
        Name = name;
        _firstId = firstId;
        _nextId = firstId;
        _schemaOf = SchemaOf;
    }

    public string Name { get; set; }

    public IReadOnlyList<Parameter> Parameters => _parameters;

    public RelNode this[int id] => Find(id) ?? throw new KeyNotFoundException($"No IR node {id}.");

    public Schema SchemaOf(int id) => this[id].Schema;

    public void AddParameter(Parameter parameter) => _parameters.Add(parameter);

    public ScanNode Scan(TableName table, Schema schema, string name, Location? origin = null) =>
        Add(new ScanNode(_nextId, name, table, schema) { Origin = origin });

    /// <summary>Rows of constant expressions, each of its column's type (the front ends convert or reject the others).</summary>
    public ValuesNode Values(Schema schema, Seq<Seq<Expr>> rows, string name, Location? origin = null) =>
        Add(new ValuesNode(_nextId, name, schema, rows) { Origin = origin });

    public FilterNode Filter(int input, Expr predicate, FilterBranch branch, string name, Location? origin = null) =>
        Add(new FilterNode(_nextId, name, input, predicate, branch) { Origin = origin });

    public ProjectNode Project(int input, IEnumerable<NamedExpr> columns, string name, Location? origin = null) =>
        Project(input, columns.ToSeq(), name, origin);

    /// <summary>A projection of columns already in a sequence (not copied again).</summary>
    public ProjectNode Project(int input, Seq<NamedExpr> columns, string name, Location? origin = null) =>
        Add(new ProjectNode(_nextId, name, input, columns) { Origin = origin });

    public AggregateNode Aggregate(int input, IEnumerable<NamedExpr> keys, IEnumerable<AggregateCall> aggregates, string name, Location? origin = null) =>
        Add(new AggregateNode(_nextId, name, input, keys.ToSeq(), aggregates.ToSeq()) { Origin = origin });

    public JoinNode Join(int left, int right, JoinKind kind, Expr condition, IEnumerable<JoinOutput> outputs, string name, Location? origin = null) =>
        Add(new JoinNode(_nextId, name, left, right, kind, condition, outputs.ToSeq()) { Origin = origin });

    public SemiJoinNode SemiJoin(int left, int right, Expr condition, bool anti, string name, Location? origin = null) =>
        Add(new SemiJoinNode(_nextId, name, left, right, condition, anti) { Origin = origin });

    public NearestNode Nearest(int left, int right, int k, Expr distance, IEnumerable<SortKey> order, Expr? within, IEnumerable<JoinOutput> outputs,
        string distanceName, string name, Location? origin = null) =>
        Add(new NearestNode(_nextId, name, left, right, k, distance, order.ToSeq(), within, outputs.ToSeq(), distanceName) { Origin = origin });

    /// <summary>A union whose output follows the first input's column order; nullability is the union of the inputs'.</summary>
    public UnionAllNode UnionAll(IEnumerable<int> inputs, string name, Location? origin = null) =>
        Add(new UnionAllNode(_nextId, name, inputs.ToSeq()) { Origin = origin });

    public SortNode Sort(int input, IEnumerable<SortKey> keys, string name, Location? origin = null) =>
        Add(new SortNode(_nextId, name, input, keys.ToSeq()) { Origin = origin });

    public LimitNode Limit(int input, Expr count, string name, Location? origin = null) =>
        Add(new LimitNode(_nextId, name, input, count) { Origin = origin });

    public WindowNode Window(int input, IEnumerable<WindowCall> calls, string name, Location? origin = null) =>
        Add(new WindowNode(_nextId, name, input, calls.ToSeq()) { Origin = origin });

    public ExplodeNode Explode(int input, Expr value, string column, ExplodeKind kind, string name, Location? origin = null) =>
        Add(new ExplodeNode(_nextId, name, input, value, column, kind) { Origin = origin });

    /// <summary>An explode of spatial-index cells: <paramref name="arguments"/> the resolution or k, <paramref name="distanceColumn"/> a k-ring's distances.</summary>
    public ExplodeNode ExplodeCells(int input, Expr value, Seq<Expr> arguments, string column, string? distanceColumn, ExplodeKind kind, string name, Location? origin = null) =>
        Add(new ExplodeNode(_nextId, name, input, value, column, kind) { Arguments = arguments, DistanceColumn = distanceColumn, Origin = origin });

    public DistinctNode Distinct(int input, string name, Location? origin = null) =>
        Add(new DistinctNode(_nextId, name, input) { Origin = origin });

    public SinkNode Sink(int input, TableName table, WriteMode mode, string name, Location? origin = null) =>
        Add(new SinkNode(_nextId, name, input, table, mode) { Origin = origin });

    public CheckNode Check(int input, string check, long low, long high, string name, Location? origin = null) =>
        Add(new CheckNode(_nextId, name, input, check, low, high) { Origin = origin });

    public OpaqueNode Opaque(IEnumerable<int> inputs, string component, string? sqlTemplate, Schema schema,
        ImmutableSortedDictionary<string, string> properties, string name, Location? origin = null, ToolboxCall? call = null, string? statement = null) =>
        Add(new OpaqueNode(_nextId, name, inputs.ToSeq(), component, sqlTemplate, schema, properties) { Origin = origin, Call = call, Statement = statement });

    public Workflow ToWorkflow() => Workflow.Placed(Name, _parameters.ToSeq(), _nodes);

    /// <summary>
    /// The canvas join's outputs: every left column, then every right column renamed
    /// <c>&lt;col&gt;_joined</c> (the suffix is appended even to names that already end in it).
    /// </summary>
    public static Seq<JoinOutput> JoinedSuffixOutputs(Schema left, Schema right) =>
        left.Columns.Select(c => SuffixOutput(0, c.Name)).Concat(right.Columns.Select(c => SuffixOutput(1, c.Name))).ToSeq();

    /// <summary>
    /// The canvas join's outputs over nodes <paramref name="left"/> and <paramref name="right"/> of this builder, equal to
    /// <see cref="JoinedSuffixOutputs(Schema, Schema)"/> of their schemas. The joins of one builder share the output of
    /// each side's column name, and the whole list when it is the previous one's (spec/ir.md, "Shared columns").
    /// </summary>
    public Seq<JoinOutput> JoinedSuffixOutputs(int left, int right)
    {
        Schema leftSchema = SchemaOf(left), rightSchema = SchemaOf(right);
        if (ListsJoinedSuffixOutputs(_lastJoinedOutputs, leftSchema, rightSchema)) return _lastJoinedOutputs;
        var outputs = new JoinOutput[leftSchema.Count + rightSchema.Count];
        for (int i = 0; i < leftSchema.Count; i++) outputs[i] = JoinedOutput(0, leftSchema[i].Name);
        for (int i = 0; i < rightSchema.Count; i++) outputs[leftSchema.Count + i] = JoinedOutput(1, rightSchema[i].Name);
        return _lastJoinedOutputs = new(ImmutableCollectionsMarshal.AsImmutableArray(outputs));
    }

    private static JoinOutput SuffixOutput(int side, string column) => new(side, column, side == 0 ? column : column + "_joined");

    // Whether these are the suffix outputs of those schemas, compared name by name without a list to compare with.
    private static bool ListsJoinedSuffixOutputs(Seq<JoinOutput> outputs, Schema left, Schema right)
    {
        if (outputs.Count != left.Count + right.Count) return false;
        for (int i = 0; i < outputs.Count; i++)
        {
            int side = i < left.Count ? 0 : 1;
            var column = side == 0 ? left[i] : right[i - left.Count];
            if (outputs[i].Side != side || !string.Equals(outputs[i].Column, column.Name, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private JoinOutput JoinedOutput(int side, string column)
    {
        var made = _joinedOutputs[side];
        if (!made.TryGetValue(column, out var output)) made.Add(column, output = SuffixOutput(side, column));
        return output;
    }

    private T Add<T>(T node) where T : RelNode
    {
        foreach (var input in node.Inputs)
            if (Find(input) is null)
                throw new InvalidOperationException($"Node {node.Id} reads node {input}, which does not exist.");
        var placed = (T)node.PlacedFrom(_schemaOf, _schemas);
        _nodes.Add(placed);
        _nextId++;
        return placed;
    }

    private RelNode? Find(int id)
    {
        int at = id - _firstId;
        return (uint)at < (uint)_nodes.Count ? _nodes[at] : null;
    }
}
